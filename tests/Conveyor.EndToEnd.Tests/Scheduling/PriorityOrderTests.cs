namespace Conveyor.EndToEnd.Tests.Scheduling;

/// <summary>
/// One pool's promise: no background job starts while a foreground job waits, no best_effort job while either waits,
/// and first in, first out within a priority.
/// </summary>
[Collection(PoolStackCollection.Name)]
public sealed class PriorityOrderTests(PoolStackFixture fixture)
{
    readonly PoolJobs jobs = new(fixture);

    [Fact]
    public async Task Should_start_waiting_jobs_by_priority_and_first_in_first_out_within_one_when_the_only_slot_frees()
    {
        var executor = await fixture.Stack.StartExecutor(PoolJobs.CpuPool, slots: 1);
        try
        {
            var gate = fixture.Gates.NewGate();
            var blocker = await jobs.SubmitGated(gate, "best_effort");
            await jobs.WaitForStatus(blocker, "running");

            // Submitted interleaved, so that neither arrival order nor priority alone explains the order they start in.
            string[] submissions = ["best_effort-1", "background-1", "best_effort-2", "foreground-1", "background-2", "foreground-2", "best_effort-3"];
            var waiting = new List<(string Name, Guid Id)>();
            foreach (var name in submissions)
                waiting.Add((name, await jobs.SubmitQuick(name, name[..name.IndexOf('-')])));
            foreach (var (_, id) in waiting)
                Assert.Equal("pending", await jobs.Status(id));

            Gates.Open(gate);
            var started = new List<(string Name, DateTime StartedAt)>();
            foreach (var (name, id) in waiting)
                started.Add((name, (DateTime)(await jobs.WaitForStatus(id, "completed"))["started_at"]!));

            Assert.Equal(
                ["foreground-1", "foreground-2", "background-1", "background-2", "best_effort-1", "best_effort-2", "best_effort-3"],
                started.OrderBy(s => s.StartedAt).Select(s => s.Name));
        }
        finally
        {
            fixture.Stack.Stop(executor);
        }
    }
}
