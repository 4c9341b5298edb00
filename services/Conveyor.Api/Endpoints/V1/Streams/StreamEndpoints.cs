using Conveyor.Api.Http;
using Conveyor.Api.Security;
using Conveyor.Api.Streams;

namespace Conveyor.Api.Endpoints.V1.Streams;

/// <summary>
/// Server-Sent Events: <c>/jobs/{id}/events</c> (one job's status changes and log lines; ends when the job does) and
/// <c>/events</c> (status changes of every job the caller may see, filtered by status, type and priority). Each starts
/// with the current state read from the database; a running job's stream then replays the lines it printed so far
/// that this API instance heard.
/// </summary>
public static class StreamEndpoints
{
    public static RouteGroupBuilder MapStreamEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/jobs/{id}/events", FollowJob);
        v1.MapGet("/events", FollowAll);
        return v1;
    }

    static async Task<IResult> FollowJob(string id, HttpContext context, LiveEventHub hub, JobSnapshots snapshots, JobOwnership ownership,
        RecentJobLogs recentLogs, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var jobId))
            return ApiError.BadRequest("job id must be a UUID", "id");
        if (!await ownership.CanSee(jobId, context.Caller(), cancellationToken))
            return ApiError.NotFound(jobId);

        // Listen before reading the state, so nothing that happens in between is missed.
        var live = await hub.Subscribe(JobStreamFilter.ForJob(jobId), cancellationToken);
        try
        {
            // A running job's lines so far are not in the table yet: those this instance heard come first.
            if (await snapshots.Get(jobId, cancellationToken) is { } job)
                return new ServerSentEventsResult([job], live, endWhenTerminal: true, job.IsTerminal ? [] : recentLogs.Of(jobId));
        }
        catch
        {
            live.Dispose();
            throw;
        }
        live.Dispose();
        return ApiError.NotFound(jobId);
    }

    static async Task<IResult> FollowAll(HttpContext context, LiveEventHub hub, JobSnapshots snapshots, CancellationToken cancellationToken)
    {
        if (!JobFilterQuery.TryParse(context.Request, out var query, out var error))
            return error;
        var filter = JobStreamFilter.ForOwner(context.Caller().OwnerScope) with
        {
            Status = query.Status, Type = query.Type, Priority = query.Priority,
        };
        var live = await hub.Subscribe(filter, cancellationToken);
        try
        {
            return new ServerSentEventsResult(await snapshots.Active(filter, cancellationToken), live, endWhenTerminal: false);
        }
        catch
        {
            live.Dispose();
            throw;
        }
    }
}
