using System.Text.Json;
using Conveyor.Api.Executors;
using Conveyor.Api.Http;
using Conveyor.Api.Submissions;
using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Messaging;
using Conveyor.Messaging.Topology;
using Conveyor.Persistence.Outbox;
using MassTransit;

namespace Conveyor.Api.Endpoints.Nexapod;

/// <summary>
/// The NEXAPod coordinator API (seed 004): nodes register, poll <c>GET /job</c> for a data job and report it with
/// <c>POST /result</c>. A thin adapter over what polling executors already use: the registry (through the scheduler),
/// the claim that asks the saga for the attempt, the holder check that fences reports, and the attempt messages.
/// </summary>
public static class NexapodEndpoints
{
    /// <summary>The type of jobs queued through <c>POST /jobs</c>.</summary>
    public const string JobType = "nexapod";

    static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    static readonly TimeSpan RecordWait = TimeSpan.FromSeconds(10);
    const int MaxNodeIdLength = 200;

    public static WebApplication MapNexapodApi(this WebApplication app)
    {
        app.MapPost("/register", Register);
        app.MapGet("/job", Poll);
        app.MapPost("/result", Result);
        app.MapGet("/nodes", Nodes);
        app.MapGet("/jobs", Jobs);
        app.MapPost("/jobs", Queue);
        return app;
    }

    static async Task<IResult> Register(HttpContext context, NexapodNodes nodes, CancellationToken cancellationToken)
    {
        const string invalid = "Invalid registration data";
        var (body, bodyError) = await RequestJson.Read(context.Request, cancellationToken);
        if (bodyError is not null || body.ValueKind != JsonValueKind.Object || !TryNodeId(body, "node_id", out var nodeId)
            || !body.TryGetProperty("profile", out var given) || !NexapodProfile.TryRead(given, out var profile))
            return NexapodError.BadRequest(invalid);
        var address = context.Connection.RemoteIpAddress?.ToString() ?? "";
        if (!await nodes.Register(nodeId, profile with { Address = address }, cancellationToken))
            return NexapodError.Of(StatusCodes.Status503ServiceUnavailable, "the registry did not record the node in time; register again");
        return Results.Json(new { status = "registered", node_id = nodeId });
    }

    /// <summary>
    /// The highest-priority data job for this node, claimed through the saga as any executor claims. A node holds one job at
    /// a time: while it holds one, a poll is that attempt's heartbeat and answers the same assignment again.
    /// </summary>
    static async Task<IResult> Poll(HttpContext context, NexapodNodes nodes, NexapodJobs jobs, JobClaimer claimer,
        HttpExecutorPresence presence, IPublishEndpoint bus, CancellationToken cancellationToken)
    {
        var nodeId = context.Request.Headers["X-Node-ID"].ToString() is { Length: > 0 } header ? header : context.Request.Query["node_id"].ToString();
        if (nodeId.Length == 0)
            return NexapodError.BadRequest("X-Node-ID header (or node_id) is required");
        if (!IsNodeId(nodeId))
            return NexapodError.BadRequest($"the node id must be 1 to {MaxNodeIdLength} characters with no spaces");
        if (await nodes.Find(nodeId, cancellationToken) is not { } node)
            return NexapodError.BadRequest("the node is not registered: POST /register first");

        var claim = new ClaimRequest(nodeId, context.Connection.RemoteIpAddress?.ToString() ?? "", ExecutionQueues.NodePool, [JobKind.Data]);
        var assignment = await Assignment(nodeId, claim, jobs, claimer, bus, cancellationToken);
        await presence.Seen(nodeId, claim, node.Profile, cancellationToken);
        return assignment is null ? Results.Json(new { status = "no_job_available" }) : Results.Json(assignment);
    }

    static async Task<System.Text.Json.Nodes.JsonObject?> Assignment(string nodeId, ClaimRequest claim, NexapodJobs jobs, JobClaimer claimer,
        IPublishEndpoint bus, CancellationToken cancellationToken)
    {
        if (await jobs.HeldBy(nodeId, cancellationToken) is { } held)
        {
            await bus.PublishWithin(new AttemptHeartbeat(held.JobId, held.AttemptId, nodeId, DateTimeOffset.UtcNow), PublishTimeout, cancellationToken);
            return held.Assignment;
        }
        return await claimer.Claim(claim, cancellationToken) is { } claimed ? await jobs.Assigned(claimed, nodeId, cancellationToken) : null;
    }

    /// <summary>Only the node holding the job's running attempt may report it; its result becomes the job's output.</summary>
    static async Task<IResult> Result(HttpContext context, AttemptHolders holders, HttpExecutorPresence presence, IPublishEndpoint bus,
        CancellationToken cancellationToken)
    {
        const string invalid = "Invalid result submission";
        var (body, bodyError) = await RequestJson.Read(context.Request, cancellationToken);
        if (bodyError is not null || body.ValueKind != JsonValueKind.Object || !TryNodeId(body, "node_id", out var nodeId)
            || !body.TryGetProperty("job_id", out var idField) || idField.ValueKind != JsonValueKind.String
            || !Guid.TryParse(idField.GetString(), out var jobId)
            || !body.TryGetProperty("result", out var result) || result.ValueKind == JsonValueKind.Null)
            return NexapodError.BadRequest(invalid);

        var held = await holders.Check(jobId, nodeId, cancellationToken);
        switch (held.Verdict)
        {
            case HolderVerdict.UnknownJob:
                return NexapodError.Of(StatusCodes.Status404NotFound, "job not found");
            case HolderVerdict.NotHolder:
                return NexapodError.Of(StatusCodes.Status409Conflict, "this node does not hold the job");
            case HolderVerdict.NotRunning:
                return NexapodError.Of(StatusCodes.Status409Conflict, $"the job is not assigned (status: {held.Status})");
        }
        await bus.PublishWithin(new AttemptCompleted
        {
            JobId = jobId,
            AttemptId = held.AttemptId!.Value,
            ExitCode = 0,
            Stdout = result.GetRawText(),
            Stderr = "",
            FinishedAt = DateTimeOffset.UtcNow,
        }, PublishTimeout, cancellationToken);
        await holders.WaitUntilMoved(jobId, held.AttemptId.Value, RecordWait, cancellationToken);
        await presence.Seen(nodeId, claim: null, cancellationToken);
        return Results.Json(new { status = "result_received", job_id = jobId.ToString() });
    }

    static async Task<IResult> Nodes(NexapodNodes nodes, CancellationToken cancellationToken) =>
        Results.Json((await nodes.All(cancellationToken)).Select(n => new { id = n.ExecutorId, profile = NexapodProfile.Json(n.Profile) }));

    static async Task<IResult> Jobs(NexapodJobs jobs, CancellationToken cancellationToken) => Results.Json(await jobs.List(cancellationToken));

    /// <summary>
    /// Queues a data job, as NEXAPod's own client does (<c>{job_id?, data}</c>); the native API's <c>kind: data</c> does the
    /// same. A <c>job_id</c> given twice queues one job.
    /// </summary>
    static async Task<IResult> Queue(HttpContext context, SubmissionBatcher submissions, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await RequestJson.Read(context.Request, cancellationToken);
        if (bodyError is not null || body.ValueKind != JsonValueKind.Object
            || !body.TryGetProperty("data", out var data) || data.ValueKind == JsonValueKind.Null)
            return NexapodError.BadRequest("Invalid job submission");
        var jobId = NewId.NextGuid();
        if (body.TryGetProperty("job_id", out var given) && given.ValueKind != JsonValueKind.Null
            && (given.ValueKind != JsonValueKind.String || !Guid.TryParse(given.GetString(), out jobId)))
            return NexapodError.BadRequest("job_id must be a UUID");

        var definition = new JobDefinition
        {
            Type = JobType,
            Kind = JobKind.Data,
            BinaryUrl = "",
            BinarySha256 = "",
            Priority = JobPriority.Background,
            Input = data.GetRawText(),
        };
        var job = new SubmitJob(jobId, definition, SubmissionClock.Now()) { TraceParent = OutboxTracing.CurrentTraceParent() };
        if (!await submissions.Submit(job))
            return NexapodError.Of(StatusCodes.Status503ServiceUnavailable, "the scheduler did not confirm the job in time; it may still be queued");
        return Results.Json(new { status = "queued", job_id = jobId.ToString() });
    }

    static bool TryNodeId(JsonElement body, string field, out string nodeId)
    {
        nodeId = body.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        return IsNodeId(nodeId);
    }

    static bool IsNodeId(string nodeId) => nodeId.Length is > 0 and <= MaxNodeIdLength && !nodeId.Any(char.IsWhiteSpace);
}
