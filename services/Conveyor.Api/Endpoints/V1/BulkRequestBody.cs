using System.Text.Json;
using Conveyor.Api.Http;

namespace Conveyor.Api.Endpoints.V1;

/// <summary>Reading a bulk body, and pointing an item's validation error at the item.</summary>
public static class BulkRequestBody
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

    /// <summary>The parser's 400 for one job, with the job's index added so the client knows which one.</summary>
    public static IResult AtIndex(IResult error, int index)
    {
        if (error is not IValueHttpResult { Value: ApiError apiError })
            return error;
        var context = new Dictionary<string, object?>(apiError.Context) { ["index"] = index };
        return ApiError.Result(StatusCodes.Status400BadRequest, $"job {index}: {apiError.Error}", context);
    }
}
