using Conveyor.TestSupport;

namespace Conveyor.Benchmarks.Scenarios;

/// <summary>Counts read straight from the jobs table, so that watching progress costs the API nothing.</summary>
public sealed class JobCounts(IsolatedDatabase database)
{
    public Task<long> Waiting(int priority) =>
        database.Scalar($"SELECT count(*) FROM jobs WHERE current_state = 'Pending' AND priority = {priority}");

    public Task<long> Running() => database.Scalar("SELECT count(*) FROM jobs WHERE current_state = 'Running'");

    /// <summary>Jobs of a type that reached a terminal state; the type is the benchmark's own constant, never input.</summary>
    public Task<long> Finished(string type) =>
        database.Scalar($"SELECT count(*) FROM jobs WHERE type = '{type}' AND current_state IN ('Completed', 'Failed')");

    /// <summary>When the last job of a type finished, as the scheduler recorded it.</summary>
    public async Task<DateTimeOffset?> LastFinishedAt(string type)
    {
        var microseconds = await database.Scalar(
            $"SELECT COALESCE((extract(epoch FROM max(completed_at)) * 1000000)::bigint, 0) FROM jobs WHERE type = '{type}' AND current_state IN ('Completed', 'Failed')");
        return microseconds == 0 ? null : DateTimeOffset.UnixEpoch.AddTicks(microseconds * 10);
    }

    public Task<long> Failed(string type) =>
        database.Scalar($"SELECT count(*) FROM jobs WHERE type = '{type}' AND current_state = 'Failed'");

    /// <summary>
    /// Where a type's dispatch time went, from the scheduler's own timestamps: submitted (created) → queued (the saga
    /// sent <c>ExecuteJob</c>) → started (the saga granted the attempt), p50 / p99 ms of each stage.
    /// </summary>
    public async Task<string> DispatchStages(string type) =>
        await database.Text($"""
            SELECT format('submitted → queued %s / %s ms, queued → granted %s / %s ms',
                round(percentile_cont(0.5) WITHIN GROUP (ORDER BY q)::numeric, 1), round(percentile_cont(0.99) WITHIN GROUP (ORDER BY q)::numeric, 1),
                round(percentile_cont(0.5) WITHIN GROUP (ORDER BY g)::numeric, 1), round(percentile_cont(0.99) WITHIN GROUP (ORDER BY g)::numeric, 1))
            FROM (SELECT extract(epoch FROM queued_at - created_at) * 1000 AS q, extract(epoch FROM started_at - queued_at) * 1000 AS g
                  FROM jobs WHERE type = '{type}' AND started_at IS NOT NULL) stages
            """) ?? "no jobs";

    /// <summary>Polls until <paramref name="condition"/> holds; false when <paramref name="timeout"/> passes first.</summary>
    public static async Task<bool> WaitUntil(Func<Task<bool>> condition, TimeSpan timeout, int pollMilliseconds = 100)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
                return true;
            await Task.Delay(pollMilliseconds);
        }
        return false;
    }
}
