using System.Text.Json.Nodes;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence;
using Conveyor.Persistence.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Api.Endpoints.Nexapod;

/// <summary>NEXAPod's reads over the shared jobs table: data jobs, the one a node holds, and the dashboard's list.</summary>
public sealed class NexapodJobs(IDbContextFactory<ConveyorDbContext> contexts)
{
    /// <summary>The dashboard's list is the newest jobs, up to this many.</summary>
    public const int ListLimit = 1000;

    /// <summary>The data job a node holds now (its attempt is running), with the assignment it was given.</summary>
    public async Task<HeldJob?> HeldBy(string nodeId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var held = await db.Jobs.AsNoTracking()
            .Where(j => j.ExecutorId == nodeId && j.Kind == JobKind.Data && JobStates.OnExecutor.Contains(j.CurrentState))
            .OrderBy(j => j.StartedAt)
            .Select(j => new { j.CorrelationId, j.CurrentAttemptId, j.PipelineInput })
            .FirstOrDefaultAsync(cancellationToken);
        return held is null
            ? null
            : new HeldJob(held.CorrelationId, held.CurrentAttemptId!.Value, Assignment(held.CorrelationId, held.PipelineInput, nodeId));
    }

    public sealed record HeldJob(Guid JobId, Guid AttemptId, JsonObject Assignment);

    public async Task<JsonObject?> Assigned(Guid jobId, string nodeId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var input = await db.Jobs.AsNoTracking().Where(j => j.CorrelationId == jobId)
            .Select(j => j.PipelineInput).SingleOrDefaultAsync(cancellationToken);
        return Assignment(jobId, input, nodeId);
    }

    public async Task<JsonArray> List(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Jobs.AsNoTracking().Where(j => j.Kind == JobKind.Data)
            .OrderByDescending(j => j.CreatedAt).Take(ListLimit)
            .Select(j => new { j.CorrelationId, j.CurrentState, j.ExecutorId, j.Stdout })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(j => (JsonNode?)new JsonObject
        {
            ["job_id"] = j.CorrelationId.ToString(),
            ["status"] = Status(j.CurrentState),
            ["assigned_to"] = j.ExecutorId,
            ["result"] = j.CurrentState == JobStates.Completed ? Parse(j.Stdout) : null,
        })];
    }

    /// <summary>NEXAPod's statuses: pending, assigned, completed, and Conveyor's failed and cancelled.</summary>
    static string Status(string state) => state switch
    {
        JobStates.Running or JobStates.Stopping => "assigned",
        JobStates.Completed => "completed",
        JobStates.Failed => "failed",
        JobStates.Cancelled => "cancelled",
        _ => "pending",
    };

    static JsonObject Assignment(Guid jobId, string? data, string nodeId) => new()
    {
        ["job_id"] = jobId.ToString(),
        ["status"] = "assigned",
        ["data"] = Parse(data),
        ["assigned_to"] = nodeId,
    };

    static JsonNode? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return null;
        try
        {
            return JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(json);
        }
    }
}
