namespace Conveyor.Executor.Runtimes.Docker;

/// <summary>The engine refused a request or did not answer: an infrastructure failure, worth a retry elsewhere.</summary>
public sealed class DockerEngineException(string message, int? statusCode = null, Exception? inner = null) : Exception(message, inner)
{
    public int? StatusCode { get; } = statusCode;
}
