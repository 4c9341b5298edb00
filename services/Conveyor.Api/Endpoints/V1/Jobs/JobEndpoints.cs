using System.Text.Json;
using Conveyor.Api.Endpoints.V1.Jobs.Parsing;
using Conveyor.Api.Http;
using Conveyor.Api.Queries;
using Conveyor.Api.Security;
using Conveyor.Api.Submissions;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Outbox;
using MassTransit;

namespace Conveyor.Api.Endpoints.V1.Jobs;

/// <summary>Seed 003's job endpoints.</summary>
public static class JobEndpoints
{
    public static RouteGroupBuilder MapJobEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/jobs", Submit);
        v1.MapGet("/jobs/{id}", Get);
        return v1;
    }

    /// <summary>Answers 201 only once the scheduler has stored the job: after that it is never lost.</summary>
    static async Task<IResult> Submit(HttpContext context, SubmissionBatcher submissions, ILogger<SubmitJob> logger, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await RequestJson.Read(context.Request, cancellationToken);
        if (bodyError is not null)
            return bodyError;

        if (!JobDefinitionParser.TryParse(body, out var definition, out var error))
            return error;

        var job = new SubmitJob(NewId.NextGuid(), definition, SubmissionClock.Now())
        {
            Owner = context.Caller().Name,
            TraceParent = OutboxTracing.CurrentTraceParent(),
        };
        if (!await submissions.Submit(job))
        {
            return ApiError.Result(StatusCodes.Status503ServiceUnavailable, "the scheduler did not confirm the job in time; it may still be accepted",
                new Dictionary<string, object?> { ["job_id"] = job.JobId });
        }
        logger.LogInformation("Job {JobId} of type {JobType} accepted", job.JobId, definition.Type);
        return Results.Json(new SubmittedJob(job.JobId, definition.Type, "pending", job.SubmittedAt.UtcDateTime), ApiJson.Options,
            statusCode: StatusCodes.Status201Created);
    }

    static async Task<IResult> Get(string id, HttpContext context, JobQueries jobs, JobOwnership ownership, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var jobId))
            return ApiError.BadRequest("job id must be a UUID", "id");
        if (!await ownership.CanSee(jobId, context.Caller(), cancellationToken))
            return ApiError.NotFound(jobId);
        var job = await jobs.GetDetails(jobId, cancellationToken);
        return job is null ? ApiError.NotFound(jobId) : Results.Json(job, ApiJson.Options);
    }
}
