using System.Text.Json;
using Conveyor.Api.Http;
using Conveyor.Api.Security;
using Conveyor.Contracts.Jobs;
using MassTransit;

namespace Conveyor.Api.Endpoints.V1;

/// <summary>
/// Seed 003's bulk submit. The whole list is validated before anything is stored: one bad job refuses the list with a
/// 400 naming its index and field. Then every job goes to the scheduler, as a single submit does, and the answer holds
/// one result per job in the order given.
/// </summary>
public static class BulkJobEndpoints
{
    public const int MaxJobs = 1000;

    public static RouteGroupBuilder MapBulkJobEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/jobs/bulk", SubmitBulk);
        return v1;
    }

    static async Task<IResult> SubmitBulk(HttpContext context, IRequestClient<SubmitJob> scheduler, ILogger<SubmitJob> logger, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await BulkRequestBody.Read(context.Request, cancellationToken);
        if (bodyError is not null)
            return bodyError;
        if (body.ValueKind != JsonValueKind.Array)
            return ApiError.BadRequest("the body must be a JSON array of jobs", "body");
        var count = body.GetArrayLength();
        if (count is 0 or > MaxJobs)
            return ApiError.BadRequest($"the list must hold 1 to {MaxJobs} jobs", "body");

        var definitions = new List<JobDefinition>(count);
        foreach (var (item, index) in body.EnumerateArray().Select((item, index) => (item, index)))
        {
            if (!JobDefinitionParser.TryParse(item, out var definition, out var error))
                return BulkRequestBody.AtIndex(error, index);
            definitions.Add(definition);
        }

        var submittedAt = DateTimeOffset.UtcNow;
        var results = await Task.WhenAll(definitions.Select(d => Submit(scheduler, d, submittedAt, context.Caller().Name, cancellationToken)));
        logger.LogInformation("Bulk of {JobCount} jobs submitted, {Confirmed} confirmed", count, results.Count(r => r.Status == "pending"));
        return Results.Json(results, ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    static async Task<BulkJobResult> Submit(IRequestClient<SubmitJob> scheduler, JobDefinition definition, DateTimeOffset submittedAt, string? owner,
        CancellationToken cancellationToken)
    {
        var jobId = NewId.NextGuid();
        try
        {
            await scheduler.GetResponse<JobAccepted>(new SubmitJob(jobId, definition, submittedAt) { Owner = owner }, cancellationToken,
                SchedulerRequests.AnswerTimeout);
            return new BulkJobResult(jobId, "pending", null);
        }
        catch (RequestTimeoutException)
        {
            return new BulkJobResult(jobId, "unconfirmed", "the scheduler did not confirm the job in time; it may still be accepted");
        }
    }
}
