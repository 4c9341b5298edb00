using Conveyor.Api.Http;
using Conveyor.Api.Security;
using Conveyor.Api.Submissions;
using Conveyor.Contracts.Jobs;
using MassTransit;

namespace Conveyor.Api.Endpoints.V1.Jobs;

/// <summary>
/// Cancel (seed 003's DELETE: pending jobs only) and stop (running jobs: killed on the executor, then cancelled).
/// Both are decided by the saga, the only writer of job state, so they race safely with the job starting or ending.
/// </summary>
public static class JobControlEndpoints
{
    public static RouteGroupBuilder MapJobControlEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapDelete("/jobs/{id}", Cancel);
        v1.MapPost("/jobs/{id}/stop", Stop);
        return v1;
    }

    static async Task<IResult> Cancel(string id, HttpContext context, IRequestClient<CancelJob> scheduler, JobOwnership ownership, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var jobId))
            return ApiError.BadRequest("job id must be a UUID", "id");
        if (!await ownership.CanSee(jobId, context.Caller(), cancellationToken))
            return ApiError.NotFound(jobId);
        var answer = await scheduler.GetResponse<JobCommandAccepted, JobCommandRejected, JobNotFound>(
            new CancelJob(jobId, "cancelled by request"), cancellationToken, SchedulerRequests.AnswerTimeout);
        return Result(answer, jobId, "job is not pending");
    }

    static async Task<IResult> Stop(string id, HttpContext context, IRequestClient<StopJob> scheduler, JobOwnership ownership, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var jobId))
            return ApiError.BadRequest("job id must be a UUID", "id");
        if (!await ownership.CanSee(jobId, context.Caller(), cancellationToken))
            return ApiError.NotFound(jobId);
        var answer = await scheduler.GetResponse<JobCommandAccepted, JobCommandRejected, JobNotFound>(
            new StopJob(jobId, "stopped by request"), cancellationToken, SchedulerRequests.AnswerTimeout);
        return Result(answer, jobId, "job has already finished");
    }

    static IResult Result(Response<JobCommandAccepted, JobCommandRejected, JobNotFound> answer, Guid jobId, string rejection)
    {
        if (answer.Is(out Response<JobCommandAccepted>? accepted))
            return Results.Json(new { id = jobId, status = accepted.Message.Status }, ApiJson.Options);
        if (answer.Is(out Response<JobCommandRejected>? rejected))
            return ApiError.Result(StatusCodes.Status400BadRequest, $"{rejection} (status: {rejected.Message.Status})",
                new Dictionary<string, object?> { ["job_id"] = jobId, ["status"] = rejected.Message.Status, ["reason"] = rejected.Message.Reason });
        return ApiError.NotFound(jobId);
    }
}
