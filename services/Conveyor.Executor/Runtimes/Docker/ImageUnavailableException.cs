namespace Conveyor.Executor.Runtimes.Docker;

/// <summary>
/// The job's image is not on this executor and could not be pulled. Retryable when the registry could not be reached
/// (another try, or another executor, may succeed); final when the registry said the image does not exist or may not be pulled.
/// </summary>
public sealed class ImageUnavailableException(string message, bool retryable) : Exception(message)
{
    public bool Retryable { get; } = retryable;
}
