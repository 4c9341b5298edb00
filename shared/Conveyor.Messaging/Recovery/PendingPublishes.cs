using System.Collections.Concurrent;

namespace Conveyor.Messaging.Recovery;

/// <summary>
/// The publishes and sends under way in this process, and since when, for the watchdog. A channel can get stuck on its
/// own while the bus reports itself healthy and the watchdog's probe (on another channel) goes through: its publishes
/// then wait for a confirm that never comes, and whoever waits on them (an executor reporting an outcome, the outbox)
/// waits for good. Callers give up waiting on such a publish (see BoundedPublish), so the publish itself is tracked.
/// </summary>
public static class PendingPublishes
{
    static readonly ConcurrentDictionary<long, DateTimeOffset> Started = new();
    static long next;

    /// <summary>Tracks <paramref name="publish"/> until it completes, however it completes; returns it.</summary>
    public static Task Track(Task publish)
    {
        if (publish.IsCompleted)
            return publish;
        var id = Interlocked.Increment(ref next);
        Started[id] = DateTimeOffset.UtcNow;
        publish.ContinueWith(_ => Started.TryRemove(id, out DateTimeOffset _), TaskScheduler.Default);
        return publish;
    }

    /// <summary>How long the oldest publish still under way has waited; zero when none is.</summary>
    public static TimeSpan OldestWait(DateTimeOffset now)
    {
        var oldest = Started.Values.DefaultIfEmpty(now).Min();
        return now - oldest;
    }
}
