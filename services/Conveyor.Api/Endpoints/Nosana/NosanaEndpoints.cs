using Conveyor.Api.Http;
using Conveyor.Api.Submissions;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Outbox;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Conveyor.Api.Endpoints.Nosana;

/// <summary>
/// The Nosana node API (seed 000): signed job definitions posted, read back and stopped; exposed services and the
/// WebSocket streams are mapped beside them. A definition's
/// <c>container/run</c> ops become a pipeline of container steps on one executor, submitted like any job; the result is
/// read from the shared jobs table. A job belongs to the address that signed its definition. Answers other than
/// results are plain text, as a Nosana node answers.
/// </summary>
public static class NosanaEndpoints
{
    /// <summary>The type of every job posted here.</summary>
    public const string JobType = "nosana";

    public static WebApplication MapNosanaApi(this WebApplication app)
    {
        app.MapPost("/job-definition/{id}", Post);
        app.MapGet("/job-definition/{id}", Get);
        app.MapPost("/service/stop/{jobId}", Stop);
        app.MapNosanaServices();
        app.MapNosanaSocket();
        return app;
    }

    static async Task<IResult> Post(string id, HttpContext context, IOptions<NosanaOptions> options, NosanaAuthorization authorization, SubmissionBatcher submissions,
        NosanaResults results, CancellationToken cancellationToken)
    {
        if (await authorization.Check(context, options.Value) is { } refused)
            return refused;
        if (!NosanaJobId.IsValid(id))
            return NosanaText.Of(StatusCodes.Status400BadRequest, "Invalid job id");
        var (body, bodyError) = await RequestJson.Read(context.Request, cancellationToken);
        if (bodyError is not null)
            return NosanaText.Of(StatusCodes.Status400BadRequest, "Invalid job definition: the body is not valid JSON");
        if (!NosanaJobDefinition.TryParse(body, id, out var definition, out var error))
            return NosanaText.Of(StatusCodes.Status400BadRequest, "Invalid job definition: " + error);
        var jobId = NosanaJobId.ToJobId(id);
        if (await results.Find(jobId, cancellationToken) is not null)
            return NosanaText.Of(StatusCodes.Status400BadRequest, "Job definition already received for this job id");

        var job = new SubmitJob(jobId, definition, SubmissionClock.Now())
        {
            Owner = NosanaAuthorization.Signer(context),
            TraceParent = OutboxTracing.CurrentTraceParent(),
        };
        if (!await submissions.Submit(job))
            return NosanaText.Of(StatusCodes.Status503ServiceUnavailable, "the scheduler did not confirm the job in time; it may still be accepted");
        return NosanaText.Of(StatusCodes.Status200OK, "Job definition received");
    }

    static async Task<IResult> Get(string id, HttpContext context, IOptions<NosanaOptions> options, NosanaAuthorization authorization, NosanaResults results,
        CancellationToken cancellationToken)
    {
        if (await authorization.Check(context, options.Value) is { } refused)
            return refused;
        if (!NosanaJobId.IsValid(id) || await results.Find(NosanaJobId.ToJobId(id), cancellationToken) is not { } found)
            return NosanaText.Of(StatusCodes.Status400BadRequest, "Invalid job id");
        if (found.Owner != NosanaAuthorization.Signer(context))
            return NosanaText.Of(StatusCodes.Status403Forbidden, "Invalid address");
        return Results.Json(found.Result);
    }

    /// <summary>
    /// Stops the job as the native stop does, through the saga: a running job's containers are killed on its executor
    /// and it ends as <c>stopped</c>; a job not yet started ends at once. Only its owner may stop it.
    /// </summary>
    static async Task<IResult> Stop(string jobId, HttpContext context, IOptions<NosanaOptions> options, NosanaAuthorization authorization, NosanaResults results,
        IRequestClient<StopJob> scheduler, CancellationToken cancellationToken)
    {
        if (await authorization.Check(context, options.Value) is { } refused)
            return refused;
        if (!NosanaJobId.IsValid(jobId) || await results.Find(NosanaJobId.ToJobId(jobId), cancellationToken) is not { } found)
            return NosanaText.Of(StatusCodes.Status400BadRequest, "Invalid job id");
        if (found.Owner != NosanaAuthorization.Signer(context))
            return NosanaText.Of(StatusCodes.Status403Forbidden, "Invalid address");
        var answer = await scheduler.GetResponse<JobCommandAccepted, JobCommandRejected, JobNotFound>(
            new StopJob(NosanaJobId.ToJobId(jobId), "stopped by its owner"), cancellationToken, SchedulerRequests.AnswerTimeout);
        if (answer.Is(out Response<JobCommandRejected>? rejected))
            return NosanaText.Of(StatusCodes.Status400BadRequest, $"the job cannot be stopped: {rejected.Message.Reason}");
        return answer.Is(out Response<JobNotFound>? _)
            ? NosanaText.Of(StatusCodes.Status400BadRequest, "Invalid job id")
            : NosanaText.Of(StatusCodes.Status200OK, "job stopped successfully");
    }
}
