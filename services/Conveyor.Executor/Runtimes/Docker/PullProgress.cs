using Docker.DotNet.Models;

namespace Conveyor.Executor.Runtimes.Docker;

/// <summary>
/// Watches an image pull's progress stream for its error: once the pull has begun, the engine reports a failure as a line
/// of the stream, not as an error status. Docker.DotNet calls <see cref="Report"/> as each line is read, on the pulling task.
/// </summary>
public sealed class PullProgress : IProgress<JSONMessage>
{
    public string? Error { get; private set; }

    public void Report(JSONMessage value)
    {
        if (value.Error?.Message is { Length: > 0 } error)
            Error ??= error;
    }
}
