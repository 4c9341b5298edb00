using System.Text.Json;
using System.Text.Json.Nodes;
using Docker.DotNet;

namespace Conveyor.Executor.Runtimes.Docker;

/// <summary>
/// How Docker.DotNet says the engine refused a request or did not answer (an infrastructure failure, worth a retry
/// elsewhere), and the engine's own words for it, which are what a job's error shows.
/// </summary>
public static class EngineErrors
{
    public static bool Is(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        DockerApiException or HttpRequestException => true,
        // A request that ran past its limit; the caller's own cancellation is a stop, not an engine failure.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    public static string Message(Exception ex) => ex switch
    {
        DockerApiException refused => EngineMessage(refused),
        // The transport wraps the socket's own error (no such socket, connection refused), which says more than its wrapper.
        HttpRequestException silent => $"the Docker engine did not answer: {(silent.InnerException ?? silent).Message}",
        OperationCanceledException => "the Docker engine did not answer in time",
        _ => ex.Message,
    };

    // The engine answers an error as {"message": "..."}; Docker.DotNet's own message wraps that body in its status code.
    static string EngineMessage(DockerApiException ex)
    {
        try
        {
            if (JsonNode.Parse(ex.ResponseBody ?? "") is JsonObject body && body["message"]?.GetValue<string>() is { } message)
                return message;
        }
        catch (Exception parse) when (parse is JsonException or InvalidOperationException)
        {
            // Not the engine's JSON error; the raw text says it.
        }
        return $"the engine answered {(int)ex.StatusCode}: {ex.ResponseBody}";
    }
}
