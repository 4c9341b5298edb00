using System.Text.Json;
using Conveyor.Api.Http;

namespace Conveyor.Api.Endpoints.V1.Jobs;

/// <summary>Points a bulk item's validation error at the item.</summary>
public static class BulkRequestBody
{
    /// <summary>The parser's 400 for one job, with the job's index added so the client knows which one.</summary>
    public static IResult AtIndex(IResult error, int index)
    {
        if (error is not IValueHttpResult { Value: ApiError apiError })
            return error;
        var context = new Dictionary<string, object?>(apiError.Context) { ["index"] = index };
        return ApiError.Result(StatusCodes.Status400BadRequest, $"job {index}: {apiError.Error}", context);
    }
}
