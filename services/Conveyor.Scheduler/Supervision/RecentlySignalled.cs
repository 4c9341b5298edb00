using System.Collections.Concurrent;

namespace Conveyor.Scheduler.Supervision;

/// <summary>Keeps the sweeper from re-sending the same signal every tick while the saga has not yet acted on it.</summary>
internal sealed class RecentlySignalled(TimeSpan quietPeriod)
{
    readonly ConcurrentDictionary<object, DateTimeOffset> marks = new();

    public bool TryMark(object key)
    {
        var now = DateTimeOffset.UtcNow;
        if (marks.TryGetValue(key, out var last) && now - last < quietPeriod)
            return false;
        marks[key] = now;
        if (marks.Count > 100_000)
            Prune(now);
        return true;
    }

    void Prune(DateTimeOffset now)
    {
        foreach (var (key, at) in marks)
        {
            if (now - at >= quietPeriod)
                marks.TryRemove(key, out _);
        }
    }
}
