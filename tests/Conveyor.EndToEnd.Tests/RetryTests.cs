namespace Conveyor.EndToEnd.Tests;

[Collection(LifecycleCollection.Name)]
public sealed class RetryTests(LifecycleStackFixture fixture)
{
    [Fact]
    public async Task Should_retry_a_failed_download_until_max_attempts_then_fail()
    {
        var missing = $"{fixture.Binaries.BaseUrl}/bin/does-not-exist-{Guid.NewGuid():N}";
        var sha256 = new string('a', 64);

        var id = await fixture.Jobs.Submit(new { type = "missing", binary_url = missing, binary_sha256 = sha256, priority = "foreground", max_attempts = 2 });
        var job = await fixture.Jobs.WaitForTerminal(id, TimeSpan.FromSeconds(30));

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Contains("404", (string?)job["error"]);
        var attempts = job["attempts"]!.AsArray();
        Assert.True(attempts.Count == 2 && attempts.All(a => (string?)a!["status"] == "failed"), job.ToJsonString());
    }

    [Fact]
    public async Task Should_not_retry_a_non_zero_exit_when_the_job_does_not_ask_for_it()
    {
        var (url, sha256) = fixture.Binaries.AddScript("exit7.sh", "exit 7");

        var id = await fixture.Jobs.Submit(new { type = "exit7", binary_url = url, binary_sha256 = sha256, priority = "foreground", max_attempts = 3 });
        var job = await fixture.Jobs.WaitForTerminal(id);

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Single(job["attempts"]!.AsArray());
    }

    [Fact]
    public async Task Should_complete_on_a_later_attempt_when_retry_on_failure_is_set()
    {
        var counter = Path.Combine(Path.GetTempPath(), "conveyor-counter-" + Guid.NewGuid().ToString("N"));
        var (url, sha256) = fixture.Binaries.AddScript("flaky.sh", $$"""
            if [ -e {{counter}} ]; then echo "second time"; exit 0; fi
            touch {{counter}}
            echo "first time fails" >&2
            exit 1
            """);

        var id = await fixture.Jobs.Submit(new { type = "flaky", binary_url = url, binary_sha256 = sha256, priority = "foreground", retry_on_failure = true, max_attempts = 3 });
        var job = await fixture.Jobs.WaitForTerminal(id, TimeSpan.FromSeconds(30));

        Assert.Equal("completed", (string?)job["status"]);
        Assert.Equal("second time\n", (string?)job["stdout"]);
        var attempts = job["attempts"]!.AsArray();
        Assert.Equal(["failed", "completed"], attempts.Select(a => (string?)a!["status"]));
    }
}
