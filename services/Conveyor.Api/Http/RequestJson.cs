using System.Text.Json;

namespace Conveyor.Api.Http;

/// <summary>Reads a request body as JSON, answering malformed JSON with a 400 that names the body.</summary>
public static class RequestJson
{
    public static async Task<(JsonElement Body, IResult? Error)> Read(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException ex)
        {
            return (default, ApiError.Result(StatusCodes.Status400BadRequest, "request body is not valid JSON",
                new Dictionary<string, object?> { ["field"] = "body", ["detail"] = ex.Message }));
        }
    }
}
