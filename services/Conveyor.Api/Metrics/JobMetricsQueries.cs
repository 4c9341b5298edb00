using Conveyor.Contracts.Jobs;
using Conveyor.Persistence;
using Conveyor.Persistence.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Api.Metrics;

/// <summary>
/// Job figures read from the saga rows at scrape time, so every API instance reports the same numbers and a restart
/// loses none. Synchronous: OpenTelemetry asks observable gauges for their values through a synchronous callback.
/// </summary>
public sealed class JobMetricsQueries(IDbContextFactory<ConveyorDbContext> contexts)
{
    /// <summary>Jobs by public status and priority.</summary>
    public IReadOnlyList<(string Status, JobPriority Priority, long Count)> CountByStatusAndPriority()
    {
        using var db = contexts.CreateDbContext();
        var rows = db.Jobs.AsNoTracking().GroupBy(j => new { j.CurrentState, j.Priority })
            .Select(g => new { g.Key.CurrentState, g.Key.Priority, Count = g.LongCount() })
            .ToList();
        return rows.GroupBy(r => (PublicStatus.Of(r.CurrentState), r.Priority))
            .Select(g => (g.Key.Item1, g.Key.Priority, g.Sum(r => r.Count))).ToList();
    }

    /// <summary>Waiting attempts by pool and by the priority their work was queued with (aging may have raised it).</summary>
    public IReadOnlyList<(string Pool, JobPriority Priority, long Count)> QueueDepth()
    {
        using var db = contexts.CreateDbContext();
        var rows = db.Jobs.AsNoTracking().Where(j => j.CurrentState == JobStates.Pending)
            .GroupBy(j => new { j.Pool, j.DispatchPriority })
            .Select(g => new { g.Key.Pool, Priority = g.Key.DispatchPriority, Count = g.LongCount() })
            .ToList();
        return rows.Select(r => (r.Pool, r.Priority, r.Count)).ToList();
    }
}
