namespace Conveyor.EndToEnd.Tests.Scheduling;

/// <summary>
/// With aging on, work that has waited long enough moves up: a best_effort job that waited through two aging periods
/// starts before background work that arrived after it, which strict priority would have started first.
/// </summary>
[Collection(AgingStackCollection.Name)]
public sealed class PriorityAgingTests(AgingStackFixture fixture)
{
    readonly PoolJobs jobs = new(fixture);

    [Fact]
    public async Task Should_start_a_long_waiting_best_effort_job_before_newer_background_work_when_aging_is_on()
    {
        var executor = await fixture.Stack.StartExecutor(PoolJobs.CpuPool, slots: 1);
        try
        {
            var gate = fixture.Gates.NewGate();
            var blocker = await jobs.SubmitGated(gate, "foreground");
            await jobs.WaitForStatus(blocker, "running");
            var old = await jobs.SubmitQuick("old-best-effort", "best_effort");
            await WaitForDispatchPriority(old, expected: 3);

            var newer = await jobs.SubmitQuick("newer-background", "background");
            Assert.Equal("pending", await jobs.Status(old));
            Gates.Open(gate);

            var oldStarted = (DateTime)(await jobs.WaitForStatus(old, "completed"))["started_at"]!;
            var newerStarted = (DateTime)(await jobs.WaitForStatus(newer, "completed"))["started_at"]!;
            Assert.True(oldStarted < newerStarted, $"the aged job started at {oldStarted:O}, after the newer background job at {newerStarted:O}");
            var (_, details) = await fixture.Jobs.Get(old.ToString());
            Assert.Equal("best_effort", (string?)details!["priority"]);
            Assert.Single(details["attempts"]!.AsArray());
        }
        finally
        {
            fixture.Stack.Stop(executor);
        }
    }

    // Aging moves a job one step a period, each step a new message; wait until the foreground copy is queued.
    async Task WaitForDispatchPriority(Guid id, int expected)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await fixture.Stack.Database.Scalar($"SELECT dispatch_priority FROM jobs WHERE id = '{id}'") == expected)
                return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"job {id} never aged to priority {expected}\n{fixture.Stack.Logs()}");
    }
}
