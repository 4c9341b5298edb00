namespace Conveyor.EndToEnd.Tests.Scheduling;

/// <summary>An executor holds no more messages than it has slots: one it held but could not start would be another job's wait.</summary>
[Collection(PoolStackCollection.Name)]
public sealed class PrefetchTests(PoolStackFixture fixture)
{
    const string CpuQueue = "execute-job-cpu";
    readonly PoolJobs jobs = new(fixture);

    [Fact]
    public async Task Should_never_hold_a_third_message_when_an_executor_with_two_slots_is_busy_and_more_work_waits()
    {
        var executor = await fixture.Stack.StartExecutor(PoolJobs.CpuPool, slots: 2);
        var gate = fixture.Gates.NewGate();
        var ids = new List<Guid>();
        try
        {
            for (var i = 0; i < 5; i++)
                ids.Add(await jobs.SubmitGated(gate, "background"));
            await jobs.WaitForStatus(ids[0], "running");
            await jobs.WaitForStatus(ids[1], "running");

            // The broker's figures lag by up to its statistics interval (its consumer details may come a round later than the
            // counts): first let them settle, then watch them for two more intervals.
            var counts = await jobs.WaitForQueue(CpuQueue, q => q is { Ready: 3, Unacknowledged: 2 } && q.ConsumerPrefetchCounts.Count > 0);
            Assert.Equal([2], counts.ConsumerPrefetchCounts);
            var watchUntil = DateTimeOffset.UtcNow.AddSeconds(11);
            while (DateTimeOffset.UtcNow < watchUntil)
            {
                counts = (await fixture.Stack.VirtualHost.Queue(CpuQueue))!;
                Assert.True(counts is { Ready: 3, Unacknowledged: 2 }, $"expected 2 held and 3 waiting, saw {counts}");
                await Task.Delay(500);
            }
            Assert.Equal(3, (await Task.WhenAll(ids.Select(jobs.Status))).Count(s => s == "pending"));

            Gates.Open(gate);
            foreach (var id in ids)
                await jobs.WaitForStatus(id, "completed");
        }
        finally
        {
            Gates.Open(gate);
            fixture.Stack.Stop(executor);
        }
    }
}
