using Conveyor.Contracts.Jobs;
using Conveyor.Persistence;
using Conveyor.Persistence.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Api.Endpoints.Nosana;

/// <summary>
/// A Nosana job's history as the WebSocket streams tell it, read from the jobs table. State updates, in order:
/// <c>job-received</c>, <c>flow-running</c>, per op <c>op-running</c> then <c>op-success</c> or <c>op-failed</c> (ops are
/// reported when the attempt ends: their results reach the table then), and last <c>flow-success</c>,
/// <c>flow-failed</c> or <c>flow-stopped</c>. Each has a key so that a stream sends it once however often it re-reads.
/// </summary>
public sealed class NosanaJobFeed(IDbContextFactory<ConveyorDbContext> contexts)
{
    public sealed record StateUpdate(string Key, string Status, Dictionary<string, string> State, DateTimeOffset At);

    public sealed record LogLine(string OperationId, string Stream, string Line, DateTimeOffset At);

    /// <summary>The job's history; <see cref="OperationIds"/> names its ops by pipeline step.</summary>
    public sealed record History(string? Owner, bool Finished, IReadOnlyList<StateUpdate> States, IReadOnlyList<LogLine> Logs,
        IReadOnlyList<string> OperationIds);

    public async Task<History?> Read(Guid jobId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var job = await db.Jobs.AsNoTracking().Where(j => j.CorrelationId == jobId && j.Type == NosanaEndpoints.JobType)
            .Select(j => new { j.Owner, j.CurrentState, j.CreatedAt, j.StartedAt, j.CompletedAt, j.Error, j.ExecutorId, j.StepResults, j.PipelineSteps })
            .SingleOrDefaultAsync(cancellationToken);
        if (job is null)
            return null;
        var states = new List<StateUpdate> { new("received", "job-received", new() { ["job"] = jobId.ToString() }, job.CreatedAt) };
        if (job.StartedAt is { } started)
            states.Add(new($"running:{started:O}", "flow-running", new() { ["executor"] = job.ExecutorId ?? "" }, started));
        var logs = new List<LogLine>();
        foreach (var step in job.StepResults.OrderBy(r => r.Index))
        {
            states.Add(new($"op:{step.Index}:{step.StartedAt:O}", "op-running", new() { ["operationId"] = step.Name }, step.StartedAt));
            states.Add(new($"op-end:{step.Index}:{step.StartedAt:O}", step.Status == "completed" ? "op-success" : "op-failed", OpEnd(step), step.EndedAt));
            logs.AddRange(Lines(step, "stdout", step.Stdout).Concat(Lines(step, "stderr", step.Stderr)));
        }
        var finished = job.CurrentState is JobStates.Completed or JobStates.Failed or JobStates.Cancelled;
        if (finished)
        {
            var status = job.CurrentState switch { JobStates.Completed => "flow-success", JobStates.Failed => "flow-failed", _ => "flow-stopped" };
            var state = job.Error is { } error ? new Dictionary<string, string> { ["error"] = error } : [];
            states.Add(new("end", status, state, job.CompletedAt ?? job.CreatedAt));
        }
        return new History(job.Owner, finished, states, logs, [.. job.PipelineSteps.Select(step => step.Name)]);
    }

    static Dictionary<string, string> OpEnd(StepResult step)
    {
        var state = new Dictionary<string, string> { ["operationId"] = step.Name };
        if (step.ExitCode is { } exitCode)
            state["exitCode"] = exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (step.Error is { } error)
            state["error"] = error;
        return state;
    }

    static IEnumerable<LogLine> Lines(StepResult step, string stream, string text) =>
        NosanaResults.Lines(text).Select(line => new LogLine(step.Name, stream, line, step.EndedAt));
}
