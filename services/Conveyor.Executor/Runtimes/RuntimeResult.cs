namespace Conveyor.Executor.Runtimes;

/// <summary>
/// How a binary or container ended. <see cref="ExitCode"/> is null when it was interrupted (timeout, stop, shutdown) and
/// killed; the output is what it printed until then. <see cref="Error"/> explains a non-zero exit when more is known
/// than the code (a container killed for memory).
/// </summary>
public sealed record RuntimeResult(int? ExitCode, string Stdout, string Stderr, bool StdoutTruncated, string? Error = null)
{
    public bool Interrupted => ExitCode is null;
}
