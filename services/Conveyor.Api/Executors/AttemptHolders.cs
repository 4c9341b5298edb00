using Conveyor.Persistence;
using Conveyor.Persistence.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Api.Executors;

/// <summary>
/// Fencing for polling executors: only the executor that holds a job's current, running attempt may report on it. The
/// check reads the saga's row; the report then names that attempt, and the saga ignores reports for any other, so a
/// report that races with the attempt ending still changes nothing.
/// </summary>
public sealed class AttemptHolders(IDbContextFactory<ConveyorDbContext> contexts)
{
    public async Task<HolderCheck> Check(Guid jobId, string executorId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var job = await db.Jobs.AsNoTracking()
            .Where(j => j.CorrelationId == jobId)
            .Select(j => new { j.CurrentState, j.CurrentAttemptId, j.Attempts })
            .SingleOrDefaultAsync(cancellationToken);
        if (job is null)
            return new HolderCheck(HolderVerdict.UnknownJob, jobId, null, "");

        var status = PublicStatus.Of(job.CurrentState);
        var current = job.Attempts.FirstOrDefault(a => a.AttemptId == job.CurrentAttemptId);
        var running = JobStates.OnExecutor.Contains(job.CurrentState);
        var holdsCurrent = current?.ExecutorId == executorId;
        if (running && holdsCurrent)
            return new HolderCheck(HolderVerdict.Holds, jobId, current!.AttemptId, status) { StopRequested = job.CurrentState == JobStates.Stopping };
        var heldEarlier = job.Attempts.Any(a => a.ExecutorId == executorId && a.AttemptId != job.CurrentAttemptId);
        return running || heldEarlier
            ? new HolderCheck(HolderVerdict.NotHolder, jobId, null, status)
            : new HolderCheck(HolderVerdict.NotRunning, jobId, null, status);
    }

    /// <summary>Waits (briefly) until the saga has taken the report: the job's attempt is no longer the running one.</summary>
    public async Task<string> WaitUntilMoved(Guid jobId, Guid attemptId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var job = await db.Jobs.AsNoTracking().Where(j => j.CorrelationId == jobId)
                .Select(j => new { j.CurrentState, j.CurrentAttemptId }).SingleAsync(cancellationToken);
            var moved = !JobStates.OnExecutor.Contains(job.CurrentState) || job.CurrentAttemptId != attemptId;
            if (moved || DateTimeOffset.UtcNow >= deadline)
                return PublicStatus.Of(job.CurrentState);
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }
}
