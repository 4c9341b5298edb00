using System.Collections.Concurrent;

namespace Conveyor.Executor.Consumers;

/// <summary>The attempts this executor is running now, each with the token that stops it.</summary>
public sealed class RunningAttempts
{
    readonly ConcurrentDictionary<Guid, CancellationTokenSource> attempts = new();

    public CancellationTokenSource Start(Guid attemptId, CancellationToken consumeToken)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(consumeToken);
        attempts[attemptId] = stop;
        return stop;
    }

    public void Finish(Guid attemptId)
    {
        if (attempts.TryRemove(attemptId, out var stop))
            stop.Dispose();
    }

    /// <summary>Kills the attempt if it runs here; false when it does not (another executor's, or already over).</summary>
    public bool Stop(Guid attemptId)
    {
        if (!attempts.TryGetValue(attemptId, out var stop))
            return false;
        try
        {
            stop.Cancel();
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    public int Count => attempts.Count;
}
