using Conveyor.Contracts.Jobs;
using Conveyor.Persistence;
using Conveyor.Persistence.Executors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Conveyor.Api.Queries;

/// <summary>Read-only views of the executor registry, which the scheduler keeps from executors' profiles and heartbeats.</summary>
public sealed class ExecutorQueries(IDbContextFactory<ConveyorDbContext> contexts, IOptions<ApiOptions> options)
{
    /// <summary>Active and draining executors; with <paramref name="all"/>, lost and stopped ones too.</summary>
    public async Task<IReadOnlyList<ExecutorDetails>> List(bool all, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var executors = await Load(all ? null : now - options.Value.ExecutorLostAfter, cancellationToken);
        return executors.OrderBy(e => e.ExecutorId, StringComparer.Ordinal).Select(e => ToDetails(e, now)).ToList();
    }

    /// <summary>
    /// Why a pending job cannot start now, or null when some live executor could take it (it waits its turn in the queue).
    /// Only the registry's view: a job still waits in its queue for an executor that comes later.
    /// </summary>
    public async Task<string?> WhyWaiting(string pool, JobNeeds needs, CancellationToken cancellationToken)
    {
        var live = (await Load(DateTimeOffset.UtcNow - options.Value.ExecutorLostAfter, cancellationToken)).Where(e => e.Pool == pool).ToList();
        var where = $"pool '{pool}'";
        if (live.Count == 0)
            return $"no live executor in {where}";
        if (needs.Docker && !live.Any(e => e.Profile.Runtimes.Contains("docker")))
            return $"no live executor in {where} offers the docker runtime";
        if (needs.Gpus > 0 && !live.Any(e => e.Profile.Gpus.Count >= needs.Gpus))
            return $"no live executor in {where} has {needs.Gpus} GPU(s)";
        if (live.All(e => e.Draining || e.FreeSlots == 0))
            return $"all {live.Count} live executors in {where} are busy";
        return null;
    }

    async Task<List<ExecutorRecord>> Load(DateTimeOffset? seenSince, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Set<ExecutorRecord>().AsNoTracking();
        if (seenSince is { } since)
            query = query.Where(e => e.StoppedAt == null && e.LastHeartbeatAt >= since);
        return await query.ToListAsync(cancellationToken);
    }

    ExecutorDetails ToDetails(ExecutorRecord executor, DateTimeOffset now)
    {
        var current = executor.RunningAttempts.FirstOrDefault();
        return new ExecutorDetails
        {
            ExecutorId = executor.ExecutorId,
            CurrentJobId = current?.JobId,
            JobType = current?.JobType,
            LastHeartbeat = executor.LastHeartbeatAt.UtcDateTime,
            JobsCompleted = executor.JobsCompleted,
            Status = executor.StoppedAt is not null ? "stopped"
                : executor.LastHeartbeatAt < now - options.Value.ExecutorLostAfter ? "lost"
                : executor.Draining ? "draining" : "active",
            JobsFailed = executor.JobsFailed,
            Pool = executor.Pool,
            Slots = executor.Slots,
            FreeSlots = executor.FreeSlots,
            RunningAttempts = executor.RunningAttempts,
            RegisteredAt = executor.RegisteredAt.UtcDateTime,
            Profile = executor.Profile,
        };
    }
}
