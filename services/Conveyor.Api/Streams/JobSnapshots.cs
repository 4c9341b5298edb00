using Conveyor.Api.Http;
using Conveyor.Persistence;
using Conveyor.Persistence.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Api.Streams;

/// <summary>What a client that connects late is told first: the current state, from the database.</summary>
public sealed class JobSnapshots(IDbContextFactory<ConveyorDbContext> contexts)
{
    public const int MaxActiveJobs = 1000;

    public async Task<JobSnapshot?> Get(Guid jobId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var jobs = await Read(db.Jobs.Where(j => j.CorrelationId == jobId), cancellationToken);
        return jobs.SingleOrDefault();
    }

    /// <summary>Every job not yet finished that the stream's filter takes, oldest first (at most <see cref="MaxActiveJobs"/>).</summary>
    public async Task<IReadOnlyList<JobSnapshot>> Active(JobStreamFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var jobs = db.Jobs.Where(j => !JobStates.Finished.Contains(j.CurrentState));
        if (filter.Owner is { } owner)
            jobs = jobs.Where(j => j.Owner == owner);
        if (filter.Status is { } status)
        {
            var states = PublicStatus.StatesOf(status).ToArray();
            jobs = jobs.Where(j => states.Contains(j.CurrentState));
        }
        if (filter.Type is { } type)
            jobs = jobs.Where(j => j.Type == type);
        if (filter.Priority is { } priority)
            jobs = jobs.Where(j => j.Priority == priority);
        return await Read(jobs.OrderBy(j => j.CreatedAt).Take(MaxActiveJobs), cancellationToken);
    }

    static async Task<List<JobSnapshot>> Read(IQueryable<JobLifecycleState> jobs, CancellationToken cancellationToken)
    {
        var rows = await jobs.AsNoTracking()
            .Select(j => new { j.CorrelationId, j.Type, j.Priority, j.CurrentState, j.CreatedAt, j.StartedAt, j.CompletedAt, j.ExitCode, j.Error, j.AttemptCount })
            .ToListAsync(cancellationToken);
        return rows.Select(j => new JobSnapshot
        {
            JobId = j.CorrelationId,
            Type = j.Type,
            Priority = JobPriorityNames.Of(j.Priority),
            Status = PublicStatus.Of(j.CurrentState),
            CreatedAt = j.CreatedAt.UtcDateTime,
            StartedAt = j.StartedAt?.UtcDateTime,
            CompletedAt = j.CompletedAt?.UtcDateTime,
            ExitCode = j.ExitCode,
            Error = j.Error,
            Attempts = j.AttemptCount,
        }).ToList();
    }
}
