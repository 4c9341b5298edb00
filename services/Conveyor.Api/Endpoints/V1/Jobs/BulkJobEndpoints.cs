using System.Text.Json;
using Conveyor.Api.Endpoints.V1.Jobs.Parsing;
using Conveyor.Api.Http;
using Conveyor.Api.Security;
using Conveyor.Api.Submissions;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Outbox;
using MassTransit;

namespace Conveyor.Api.Endpoints.V1.Jobs;

/// <summary>
/// Seed 003's bulk submit. The whole list is validated before anything is stored: one bad job refuses the list with a
/// 400 naming its index and field. Then the whole list goes to the scheduler as one batch, which stores every job in one
/// transaction (each through its own saga), and the answer holds one result per job in the order given.
/// </summary>
public static class BulkJobEndpoints
{
    public const int MaxJobs = 1000;

    public static RouteGroupBuilder MapBulkJobEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/jobs/bulk", SubmitBulk);
        return v1;
    }

    static async Task<IResult> SubmitBulk(HttpContext context, IRequestClient<SubmitJobBatch> scheduler, ILogger<SubmitJobBatch> logger,
        CancellationToken cancellationToken)
    {
        var (body, bodyError) = await RequestJson.Read(context.Request, cancellationToken);
        if (bodyError is not null)
            return bodyError;
        if (body.ValueKind != JsonValueKind.Array)
            return ApiError.BadRequest("the body must be a JSON array of jobs", "body");
        var count = body.GetArrayLength();
        if (count is 0 or > MaxJobs)
            return ApiError.BadRequest($"the list must hold 1 to {MaxJobs} jobs", "body");

        var submittedAt = SubmissionClock.Now();
        var owner = context.Caller().Name;
        var traceParent = OutboxTracing.CurrentTraceParent();
        var jobs = new List<SubmitJob>(count);
        foreach (var (item, index) in body.EnumerateArray().Select((item, index) => (item, index)))
        {
            if (!JobDefinitionParser.TryParse(item, out var definition, out var error))
                return BulkRequestBody.AtIndex(error, index);
            jobs.Add(new SubmitJob(NewId.NextGuid(), definition, submittedAt) { Owner = owner, TraceParent = traceParent });
        }

        try
        {
            await scheduler.GetResponse<JobBatchAccepted>(new SubmitJobBatch(jobs), cancellationToken, SchedulerRequests.AnswerTimeout);
            logger.LogInformation("Bulk of {JobCount} jobs accepted", count);
            return Results.Json(jobs.Select(job => new BulkJobResult(job.JobId, "pending", null)), ApiJson.Options, statusCode: StatusCodes.Status201Created);
        }
        catch (RequestTimeoutException)
        {
            logger.LogWarning("Bulk of {JobCount} jobs not confirmed in time", count);
            return Results.Json(jobs.Select(job => new BulkJobResult(job.JobId, "unconfirmed", "the scheduler did not confirm the job in time; it may still be accepted")),
                ApiJson.Options, statusCode: StatusCodes.Status201Created);
        }
    }
}
