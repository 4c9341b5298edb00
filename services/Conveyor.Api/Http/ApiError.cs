namespace Conveyor.Api.Http;

/// <summary>The one error shape of every surface (seed 003): a sentence for people and a map for programs.</summary>
public sealed record ApiError(string Error, IReadOnlyDictionary<string, object?> Context)
{
    public static IResult Result(int status, string error, IReadOnlyDictionary<string, object?>? context = null) =>
        Results.Json(new ApiError(error, context ?? new Dictionary<string, object?>()), ApiJson.Options, statusCode: status);

    public static IResult BadRequest(string error, string field) =>
        Result(StatusCodes.Status400BadRequest, error, new Dictionary<string, object?> { ["field"] = field });

    public static IResult NotFound(Guid jobId) =>
        Result(StatusCodes.Status404NotFound, "job not found", new Dictionary<string, object?> { ["job_id"] = jobId });
}
