using System.Text.Json;
using Conveyor.Api.Http;
using Conveyor.Api.Security;
using Conveyor.Api.Submissions;

namespace Conveyor.Api.Endpoints.V1.Jobs;

/// <summary>
/// Retry of failed jobs, one (<c>POST /jobs/{id}/retry</c>) or a filtered set (<c>POST /jobs/retry</c> with
/// <c>{type?, error?, limit?}</c>, type or error required; an empty error names the jobs that failed with none): each becomes a new job with the same definition and owner (<see cref="JobRetries"/>);
/// the failed one stays failed. Retrying again names the same new job.
/// </summary>
public static class RetryEndpoints
{
    static readonly string[] SetFields = ["type", "error", "limit"];

    public static RouteGroupBuilder MapRetryEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/jobs/{id}/retry", RetryOne);
        v1.MapPost("/jobs/retry", RetrySet);
        return v1;
    }

    static async Task<IResult> RetryOne(string id, HttpContext context, JobRetries retries, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var jobId))
            return ApiError.BadRequest("job id must be a UUID", "id");
        return await retries.Retry(jobId, context.Caller(), cancellationToken) switch
        {
            JobRetries.Retried retried => Results.Json(new { id = retried.JobId, retried_from = jobId, created = !retried.Existed }, ApiJson.Options,
                statusCode: retried.Existed ? StatusCodes.Status200OK : StatusCodes.Status201Created),
            JobRetries.NotRetryable refused => ApiError.Result(StatusCodes.Status400BadRequest, $"{refused.Reason} (status: {refused.Status})",
                new Dictionary<string, object?> { ["job_id"] = jobId, ["status"] = refused.Status }),
            JobRetries.Unconfirmed unconfirmed => ApiError.Result(StatusCodes.Status503ServiceUnavailable,
                "the scheduler did not confirm the retry in time; it may still be accepted", new Dictionary<string, object?> { ["job_id"] = unconfirmed.JobId }),
            _ => ApiError.NotFound(jobId),
        };
    }

    static async Task<IResult> RetrySet(HttpContext context, JobRetries retries, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await RequestJson.Read(context.Request, cancellationToken);
        if (bodyError is not null)
            return bodyError;
        if (body.ValueKind != JsonValueKind.Object)
            return ApiError.BadRequest("the body must be an object with type, error and limit, each optional", "body");
        if (body.EnumerateObject().Select(p => p.Name).FirstOrDefault(name => !SetFields.Contains(name)) is { } unknown)
            return ApiError.BadRequest($"unknown field {unknown}", unknown);
        if (!JsonFields.TryOptionalString(body, "type", out var type, out var error)
            || !JsonFields.TryOptionalString(body, "error", out var reason, out error)
            || !JsonFields.TryInteger(body, "limit", 1, JobRetries.MaxSet, out var limit, out error))
            return error;
        // An empty body retrying every failure is too easy to send by mistake: the set is always named.
        if (type is null && reason is null)
            return ApiError.BadRequest("type or error is required, to name the failed jobs to retry", "body");

        var caller = context.Caller();
        var failed = await retries.Unretried(caller.OwnerScope, type, reason, limit ?? JobRetries.MaxSet, cancellationToken);
        var outcomes = await retries.Retry([.. failed.Select(f => f.Id)], caller, cancellationToken);
        var jobs = failed.Zip(outcomes)
            .Select(pair => pair.Second is JobRetries.Retried retried ? new { job_id = pair.First.Id, retried_as = retried.JobId } : null)
            .OfType<object>().ToList();
        return Results.Json(new { retried = jobs.Count, not_confirmed = failed.Count - jobs.Count, jobs }, ApiJson.Options);
    }
}
