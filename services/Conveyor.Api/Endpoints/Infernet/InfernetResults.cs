using System.Text.Json.Nodes;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence;
using Conveyor.Persistence.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Api.Endpoints.Infernet;

/// <summary>
/// Infernet's reads over the jobs every surface shares: a client's <c>JobResult</c>s and job ids, and the count of
/// unfinished Infernet jobs for <c>/info</c>. Only jobs of type <see cref="InfernetJobs.Type"/> owned by the client.
/// </summary>
public sealed class InfernetResults(IDbContextFactory<ConveyorDbContext> contexts)
{
    public async Task<JsonArray> Results(IReadOnlyList<Guid> ids, string owner, bool intermediate, CancellationToken cancellationToken)
    {
        var wanted = ids.ToArray();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Jobs.AsNoTracking()
            .Where(j => wanted.Contains(j.CorrelationId) && j.Owner == owner && j.Type == InfernetJobs.Type)
            .Select(j => new Row(j.CorrelationId, j.CurrentState, j.PipelineSteps, j.StepResults, j.Error))
            .ToListAsync(cancellationToken);
        var byId = rows.ToDictionary(r => r.Id);
        return [.. ids.Where(byId.ContainsKey).Select(id => JobResult(byId[id], intermediate))];
    }

    /// <param name="pending">True: unfinished jobs only; false: finished only; null: all.</param>
    public async Task<IReadOnlyList<Guid>> Ids(string owner, bool? pending, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var jobs = db.Jobs.AsNoTracking().Where(j => j.Owner == owner && j.Type == InfernetJobs.Type);
        if (pending == true)
            jobs = jobs.Where(j => !JobStates.Finished.Contains(j.CurrentState));
        else if (pending == false)
            jobs = jobs.Where(j => JobStates.Finished.Contains(j.CurrentState));
        return await jobs.OrderBy(j => j.CreatedAt).Select(j => j.CorrelationId).ToListAsync(cancellationToken);
    }

    public async Task<long> Pending(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Jobs.AsNoTracking()
            .LongCountAsync(j => j.Type == InfernetJobs.Type && !JobStates.Finished.Contains(j.CurrentState), cancellationToken);
    }

    sealed record Row(Guid Id, string State, List<PipelineStep> Steps, List<StepResult> Results, string? Error);

    /// <summary>
    /// <c>{id, status, result, intermediate_results}</c>: <c>running</c> until the job ends, then <c>success</c> with the
    /// last container's output or <c>failed</c> with the container that failed and why. The earlier steps' outputs are
    /// the intermediate results, present only when asked for.
    /// </summary>
    static JsonObject JobResult(Row job, bool intermediate)
    {
        var status = job.State switch
        {
            JobStates.Completed => "success",
            JobStates.Failed or JobStates.Cancelled => "failed",
            _ => "running",
        };
        var results = job.Results.OrderBy(r => r.Index).ToList();
        var result = status switch
        {
            "success" when results.Count > 0 => ContainerResult(results[^1]),
            "failed" when results.Count > 0 && results[^1].Status != "completed" => ContainerResult(results[^1]),
            // Ended before a step failed or without any (cancelled, lost): the error belongs to the step that was next.
            "failed" => new JsonObject
            {
                ["container"] = job.Steps.ElementAtOrDefault(results.Count)?.Name ?? job.Steps.LastOrDefault()?.Name,
                ["error"] = job.Error ?? "failed",
            },
            _ => null,
        };
        var body = new JsonObject { ["id"] = job.Id.ToString(), ["status"] = status, ["result"] = result };
        if (intermediate)
        {
            var earlier = status == "running" ? results : results.Take(Math.Max(0, results.Count - 1));
            body["intermediate_results"] = new JsonArray([.. earlier.Select(r => (JsonNode?)ContainerResult(r))]);
        }
        return body;
    }

    /// <summary><c>{container, output}</c> for a step that succeeded, <c>{container, error}</c> for one that did not.</summary>
    static JsonObject ContainerResult(StepResult step)
    {
        if (step.Status == "completed" && TryParse(step.Stdout) is { } output)
            return new JsonObject { ["container"] = step.Name, ["output"] = output };
        var error = step.Error ?? (string.IsNullOrWhiteSpace(step.Stderr) ? "the container failed" : step.Stderr.Trim());
        return new JsonObject { ["container"] = step.Name, ["error"] = error };
    }

    static JsonNode? TryParse(string stdout)
    {
        try
        {
            return JsonNode.Parse(stdout);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
