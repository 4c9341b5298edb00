using System.Net;
using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests;

[Collection(LifecycleCollection.Name)]
public sealed class CancelAndStopTests(LifecycleStackFixture fixture)
{
    [Fact]
    public async Task Should_cancel_a_pending_job_and_refuse_a_second_cancel_when_deleted()
    {
        // No executor serves the gpu pool here, so the job waits.
        var (url, sha256) = fixture.Binaries.AddScript("waits.sh", "echo never");
        var id = await fixture.Jobs.Submit(new { type = "waits", binary_url = url, binary_sha256 = sha256, priority = "background", resources = new { gpu = 1 } });

        var cancel = await fixture.Jobs.Delete(id);
        var job = await fixture.Jobs.WaitForTerminal(id);
        var again = await fixture.Jobs.Delete(id);
        var error = JsonNode.Parse(await again.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", (string?)job["status"]);
        Assert.Equal("cancelled", (string?)Assert.Single(job["attempts"]!.AsArray())!["status"]);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("cancelled", (string?)error["context"]!["status"]);
    }

    [Fact]
    public async Task Should_answer_404_when_cancelling_or_stopping_an_unknown_job()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Jobs.Delete(Guid.NewGuid())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Jobs.Stop(Guid.NewGuid())).StatusCode);
    }

    [Fact]
    public async Task Should_refuse_delete_and_kill_the_process_on_stop_when_the_job_is_running()
    {
        var marker = Path.Combine(Path.GetTempPath(), "conveyor-stop-" + Guid.NewGuid().ToString("N"));
        var (url, sha256) = fixture.Binaries.AddScript("long.sh", $"echo started\n/bin/sleep 20\ntouch {marker}");
        var id = await fixture.Jobs.Submit(new { type = "long", binary_url = url, binary_sha256 = sha256, priority = "foreground" });
        await fixture.Jobs.WaitForStatus(id, ["running"]);

        var delete = await fixture.Jobs.Delete(id);
        var deleteError = JsonNode.Parse(await delete.Content.ReadAsStringAsync())!;
        var stop = await fixture.Jobs.Stop(id);
        var job = await fixture.Jobs.WaitForTerminal(id, TimeSpan.FromSeconds(15));
        var stopAgain = await fixture.Jobs.Stop(id);

        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
        Assert.Equal("running", (string?)deleteError["context"]!["status"]);
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Equal("cancelled", (string?)job["status"]);
        Assert.Equal(HttpStatusCode.BadRequest, stopAgain.StatusCode);
        Assert.Contains("cancelled", await stopAgain.Content.ReadAsStringAsync());
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(File.Exists(marker), "the job's process kept running after it was stopped");
    }

    [Fact]
    public async Task Should_fail_with_a_clear_reason_when_the_job_exceeds_its_timeout()
    {
        var (url, sha256) = fixture.Binaries.AddScript("slow.sh", "/bin/sleep 30");
        var id = await fixture.Jobs.Submit(new { type = "slow", binary_url = url, binary_sha256 = sha256, priority = "foreground", timeout_seconds = 1 });

        var job = await fixture.Jobs.WaitForTerminal(id, TimeSpan.FromSeconds(20));

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Contains("timeout", (string?)job["error"]);
        Assert.Single(job["attempts"]!.AsArray());
    }
}
