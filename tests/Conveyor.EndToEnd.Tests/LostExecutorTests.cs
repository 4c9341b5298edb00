namespace Conveyor.EndToEnd.Tests;

[Collection(LifecycleCollection.Name)]
public sealed class LostExecutorTests(LifecycleStackFixture fixture)
{
    [Fact]
    public async Task Should_retry_on_another_executor_when_the_running_executor_is_killed()
    {
        var (url, sha256) = fixture.Binaries.AddScript("steady.sh", "/bin/sleep 2\necho finished");
        var id = await fixture.Jobs.Submit(new { type = "steady", binary_url = url, binary_sha256 = sha256, priority = "foreground" });
        var running = await fixture.Jobs.WaitForStatus(id, ["running"]);

        var victim = Assert.Single(fixture.Stack.Running("Conveyor.Executor"));
        victim.Kill();
        await fixture.Stack.StartAnother("Conveyor.Executor");
        var job = await fixture.Jobs.WaitForTerminal(id, TimeSpan.FromSeconds(60));

        Assert.Equal("completed", (string?)job["status"]);
        Assert.Equal("finished\n", (string?)job["stdout"]);
        var attempts = job["attempts"]!.AsArray();
        Assert.Equal(["timeout", "completed"], attempts.Select(a => (string?)a!["status"]));
        Assert.Equal((string?)running["executor_id"], (string?)attempts[0]!["executor_id"]);
        Assert.NotEqual((string?)attempts[0]!["executor_id"], (string?)attempts[1]!["executor_id"]);
    }
}
