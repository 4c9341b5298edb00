using Conveyor.Api.Http;
using Conveyor.Persistence;
using Conveyor.Persistence.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Api.Queries;

/// <summary>Seed 003's job list: newest first (ties broken by id), so that pages do not shift while old jobs stay put.</summary>
public sealed class JobListQueries(IDbContextFactory<ConveyorDbContext> contexts)
{
    public async Task<IReadOnlyList<JobSummary>> List(JobFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Jobs.AsNoTracking();
        if (filter.Status is { } status)
        {
            var states = PublicStatus.StatesOf(status).ToList();
            query = query.Where(j => states.Contains(j.CurrentState));
        }
        if (filter.Type is { } type)
            query = query.Where(j => j.Type == type);
        if (filter.Priority is { } priority)
            query = query.Where(j => j.Priority == priority);
        if (filter.Owner is { } owner)
            query = query.Where(j => j.Owner == owner);

        var rows = await query
            .OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.CorrelationId)
            .Skip(filter.Offset).Take(filter.Limit)
            .Select(j => new { j.CorrelationId, j.Type, j.CurrentState, j.Priority, j.ExecutorId, j.CreatedAt, j.StartedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(j => new JobSummary(j.CorrelationId, j.Type, PublicStatus.Of(j.CurrentState), JobPriorityNames.Of(j.Priority),
            j.ExecutorId, j.CreatedAt.UtcDateTime, j.StartedAt?.UtcDateTime)).ToList();
    }
}
