using System.Collections.Concurrent;
using Conveyor.Contracts.Jobs;

namespace Conveyor.Executor.Attempts;

/// <summary>
/// The attempts this executor runs now: what heartbeats report, what a stop request or shutdown reaches, and the
/// counts of finished attempts. Once handing back has begun, any attempt that still begins is stopped at once.
/// </summary>
public sealed class RunningAttempts
{
    readonly ConcurrentDictionary<Guid, RunningAttempt> running = new();
    volatile bool handingBack;
    long completed;
    long failed;

    public int Count => running.Count;
    public IReadOnlyList<RunningAttempt> Current => [.. running.Values];
    public long Completed => Interlocked.Read(ref completed);
    public long Failed => Interlocked.Read(ref failed);

    public RunningAttempt Begin(ExecuteJob work, TimeSpan timeout)
    {
        var attempt = new RunningAttempt(work, timeout, ended => running.TryRemove(ended.Work.AttemptId, out _));
        running[work.AttemptId] = attempt;
        if (handingBack)
            attempt.Stop(StopReason.ShuttingDown);
        return attempt;
    }

    /// <summary>Stops one attempt (the hook for a <c>StopAttempt</c> request); false when it does not run here.</summary>
    public bool Stop(Guid attemptId, string reason)
    {
        if (!running.TryGetValue(attemptId, out var attempt))
            return false;
        attempt.Stop(StopReason.Stopped, reason);
        return true;
    }

    /// <summary>Stops everything running, and everything that begins from now on, for the scheduler to run elsewhere.</summary>
    public void HandBackAll()
    {
        handingBack = true;
        foreach (var attempt in running.Values)
            attempt.Stop(StopReason.ShuttingDown);
    }

    public void Record(bool succeeded) => Interlocked.Increment(ref succeeded ? ref completed : ref failed);

    public async Task WhenIdle(CancellationToken cancellationToken)
    {
        while (!running.IsEmpty)
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
    }
}
