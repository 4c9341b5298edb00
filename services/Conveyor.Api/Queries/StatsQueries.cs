using Conveyor.Api.Http;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence;
using Conveyor.Persistence.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Api.Queries;

/// <summary>Counts of jobs by status and of waiting jobs by priority, from the saga rows (one grouped query each).</summary>
public sealed class StatsQueries(IDbContextFactory<ConveyorDbContext> contexts, ExecutorQueries executors)
{
    static readonly JobPriority[] Priorities = [JobPriority.Foreground, JobPriority.Background, JobPriority.BestEffort];

    public async Task<SystemStats> Get(string? owner, CancellationToken cancellationToken)
    {
        var byStateAndPriority = await CountByStateAndPriority(owner, cancellationToken);
        var byStatus = PublicStatus.All.ToDictionary(s => s, _ => 0L);
        var pendingByPriority = Priorities.ToDictionary(JobPriorityNames.Of, _ => 0L);
        foreach (var (state, priority, count) in byStateAndPriority)
        {
            var status = PublicStatus.Of(state);
            byStatus[status] += count;
            if (status == PublicStatus.Pending)
                pendingByPriority[JobPriorityNames.Of(priority)] += count;
        }
        var active = (await executors.List(all: false, cancellationToken)).Count;
        return new SystemStats(byStatus, pendingByPriority, active);
    }

    /// <summary>(saga state, priority, count) for every combination present.</summary>
    public async Task<IReadOnlyList<(string State, JobPriority Priority, long Count)>> CountByStateAndPriority(string? owner, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Jobs.AsNoTracking();
        if (owner is not null)
            query = query.Where(j => j.Owner == owner);
        var rows = await query.GroupBy(j => new { j.CurrentState, j.Priority })
            .Select(g => new { g.Key.CurrentState, g.Key.Priority, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.CurrentState, r.Priority, r.Count)).ToList();
    }
}
