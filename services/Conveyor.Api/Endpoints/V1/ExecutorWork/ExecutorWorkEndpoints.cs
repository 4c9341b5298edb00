using Conveyor.Api.Executors;
using Conveyor.Api.Http;
using Conveyor.Api.Queries;
using Conveyor.Contracts.Attempts;
using Conveyor.Messaging;
using MassTransit;

namespace Conveyor.Api.Endpoints.V1.ExecutorWork;

/// <summary>
/// Seed 003's endpoints for polling executors: claim, heartbeat, complete, fail. A report from an executor that does not
/// hold the job's current attempt is 409 and changes nothing; reports travel to the saga as the same attempt messages a
/// queue executor publishes.
/// </summary>
public static class ExecutorWorkEndpoints
{
    /// <summary>How long complete and fail wait for the saga to record the outcome, so that a GET right after sees it.</summary>
    static readonly TimeSpan RecordWait = TimeSpan.FromSeconds(10);
    static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    public static RouteGroupBuilder MapExecutorWorkEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/jobs/claim", Claim);
        v1.MapPut("/jobs/{id}/heartbeat", Heartbeat);
        v1.MapPut("/jobs/{id}/complete", Complete);
        v1.MapPut("/jobs/{id}/fail", Fail);
        return v1;
    }

    static async Task<IResult> Claim(HttpContext context, JobClaimer claimer, JobQueries jobs, HttpExecutorPresence presence, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await RequestJson.Read(context.Request, cancellationToken);
        if (bodyError is not null)
            return bodyError;
        var remote = context.Connection.RemoteIpAddress?.ToString() ?? "";
        if (!ExecutorRequestParser.TryClaim(body, remote, out var claim, out var error))
            return error;
        var jobId = await claimer.Claim(claim, cancellationToken);
        await presence.Seen(claim.ExecutorId, claim, cancellationToken);
        if (jobId is not { } claimed)
            return Results.NoContent();
        var job = await jobs.GetDetails(claimed, cancellationToken);
        return Results.Json(job, ApiJson.Options);
    }

    static Task<IResult> Heartbeat(string id, HttpContext context, AttemptHolders holders, IPublishEndpoint bus, HttpExecutorPresence presence,
        CancellationToken cancellationToken) =>
        Report(id, context, holders, presence, heartbeat: true, cancellationToken, async (report, held) =>
        {
            // A polling executor hears no bus messages, so a stop reaches it here, as seed 003's "not running" answer to a
            // heartbeat. Its complete or fail then ends the job as cancelled; silence ends it after a heartbeat timeout.
            if (held.StopRequested)
                return ApiError.Result(StatusCodes.Status404NotFound, "the job is being stopped: end its work, then report it with complete or fail",
                    new Dictionary<string, object?> { ["job_id"] = held.JobId, ["status"] = held.Status, ["stop_requested"] = true });
            await bus.PublishWithin(new AttemptHeartbeat(held.JobId, held.AttemptId!.Value, report.ExecutorId, DateTimeOffset.UtcNow),
                PublishTimeout, cancellationToken);
            return Results.Json(new { id = held.JobId, status = held.Status }, ApiJson.Options);
        });

    static Task<IResult> Complete(string id, HttpContext context, AttemptHolders holders, IPublishEndpoint bus, HttpExecutorPresence presence,
        CancellationToken cancellationToken) =>
        Report(id, context, holders, presence, heartbeat: false, cancellationToken, async (report, held) =>
        {
            await bus.PublishWithin(AttemptReports.Completed(held, report, report.ExitCode ?? 0), PublishTimeout, cancellationToken);
            var status = await holders.WaitUntilMoved(held.JobId, held.AttemptId!.Value, RecordWait, cancellationToken);
            return Results.Json(new { id = held.JobId, status }, ApiJson.Options);
        });

    static Task<IResult> Fail(string id, HttpContext context, AttemptHolders holders, IPublishEndpoint bus, HttpExecutorPresence presence,
        CancellationToken cancellationToken) =>
        Report(id, context, holders, presence, heartbeat: false, cancellationToken, async (report, held) =>
        {
            // Typed publishes: the saga subscribes to each message type, not to object.
            await (AttemptReports.Failed(held, report) switch
            {
                AttemptCompleted completed => bus.PublishWithin(completed, PublishTimeout, cancellationToken),
                var failed => bus.PublishWithin((AttemptFailed)failed, PublishTimeout, cancellationToken),
            });
            var status = await holders.WaitUntilMoved(held.JobId, held.AttemptId!.Value, RecordWait, cancellationToken);
            return Results.Json(new { id = held.JobId, status }, ApiJson.Options);
        });

    static async Task<IResult> Report(string id, HttpContext context, AttemptHolders holders, HttpExecutorPresence presence, bool heartbeat,
        CancellationToken cancellationToken, Func<ExecutorReport, HolderCheck, Task<IResult>> accept)
    {
        if (!Guid.TryParse(id, out var jobId))
            return ApiError.BadRequest("job id must be a UUID", "id");
        var (body, bodyError) = await RequestJson.Read(context.Request, cancellationToken);
        if (bodyError is not null)
            return bodyError;
        if (!ExecutorRequestParser.TryReport(body, out var report, out var error))
            return error;

        var held = await holders.Check(jobId, report.ExecutorId, cancellationToken);
        var result = held.Verdict switch
        {
            HolderVerdict.Holds => await accept(report, held),
            HolderVerdict.UnknownJob => ApiError.NotFound(jobId),
            HolderVerdict.NotHolder => ApiError.Result(StatusCodes.Status409Conflict, "this executor does not hold the job's current attempt",
                new Dictionary<string, object?> { ["job_id"] = jobId, ["executor_id"] = report.ExecutorId, ["status"] = held.Status }),
            // Seed 003: a heartbeat for a job that is not running is 404; completing or failing it is an invalid transition.
            _ when heartbeat => ApiError.Result(StatusCodes.Status404NotFound, $"job is not running (status: {held.Status})",
                new Dictionary<string, object?> { ["job_id"] = jobId, ["status"] = held.Status }),
            _ => ApiError.Result(StatusCodes.Status400BadRequest, $"invalid state transition: the job is {held.Status}",
                new Dictionary<string, object?> { ["job_id"] = jobId, ["status"] = held.Status }),
        };
        if (held.Verdict != HolderVerdict.UnknownJob)
            await presence.Seen(report.ExecutorId, claim: null, cancellationToken);
        return result;
    }
}
