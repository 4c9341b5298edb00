namespace Conveyor.EndToEnd.Tests.Resilience;

/// <summary>
/// A service whose broker connection goes silent (open, but passing nothing) while the broker is up ends itself and is
/// started again by its supervisor, and work flows again. Without the watchdog the client would notice only by missed
/// heartbeats, minutes later; after a broker restart, a channel can stay stuck for good.
/// </summary>
[Collection(FrozenBrokerLinkFixture.Name)]
public sealed class BusWatchdogTests(FrozenBrokerLinkFixture fixture)
{
    static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Should_restart_the_scheduler_and_take_jobs_again_when_its_broker_connection_goes_silent()
    {
        var (url, sha256) = fixture.Binaries.AddScript("hello.sh", "echo hello");
        object Job() => new { type = "watchdog", binary_url = url, binary_sha256 = sha256, priority = "foreground" };
        var before = await fixture.Jobs.WaitForTerminal(await fixture.Jobs.Submit(Job()));
        Assert.Equal("completed", (string?)before["status"]);
        var scheduler = fixture.Stack.Running("Conveyor.Scheduler")[0];

        Assert.True(fixture.Proxy.FreezeOpenConnections() > 0, "the scheduler had no broker connection to freeze");

        Assert.True(await scheduler.WaitForExit(RecoveryLimit), "the scheduler kept running with a silent broker connection");
        Assert.Equal(75, scheduler.ExitCode);
        Assert.Contains("ending the service with exit code 75", scheduler.Tail(400));
        var after = await fixture.Jobs.WaitForTerminal(await fixture.Jobs.Submit(Job()), RecoveryLimit);
        Assert.Equal("completed", (string?)after["status"]);
        Assert.NotSame(scheduler, Assert.Single(fixture.Stack.Running("Conveyor.Scheduler")));
    }
}
