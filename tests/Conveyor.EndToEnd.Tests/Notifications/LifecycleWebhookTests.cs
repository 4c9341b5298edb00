using System.Net;

namespace Conveyor.EndToEnd.Tests.Notifications;

/// <summary>Webhooks for the scheduler's retries and cancellations.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class LifecycleWebhookTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task Should_deliver_retried_between_the_two_attempts_when_a_failed_attempt_is_retried()
    {
        var hook = fixture.Receiver.Add("retried");
        await fixture.Webhooks.Subscribe(new { url = hook.Url, events = new[] { "started", "retried", "completed" }, job_type = "retried-job" });
        var counter = Path.Combine(Path.GetTempPath(), "conveyor-counter-" + Guid.NewGuid().ToString("N"));
        var (url, sha256) = fixture.Binaries.AddScript("retried-job.sh", $"if [ -e {counter} ]; then rm -f {counter}; exit 0; fi\ntouch {counter}\nexit 1");

        var jobId = await fixture.Jobs.Submit(new { type = "retried-job", binary_url = url, binary_sha256 = sha256, priority = "foreground", retry_on_failure = true, max_attempts = 2 });
        var requests = await hook.WaitFor(r => r.Any(x => x.Event == "completed"));

        Assert.Equal(["started", "retried", "started", "completed"], requests.Select(r => r.Event));
        var retried = requests[1].Json;
        Assert.Equal(jobId, retried["job"]!["id"]!.GetValue<Guid>());
        Assert.Equal("pending", (string?)retried["job"]!["status"]);
        Assert.Equal(2, (int?)retried["retry"]!["next_attempt_number"]);
        Assert.False(string.IsNullOrEmpty((string?)retried["retry"]!["reason"]));
        Assert.EndsWith("Z", (string?)retried["retry"]!["retry_at"]);
        Assert.NotEqual((string?)requests[0].Json["attempt"]!["id"], (string?)requests[2].Json["attempt"]!["id"]);
    }

    [Fact]
    public async Task Should_deliver_cancelled_with_the_reason_when_a_pending_job_is_cancelled()
    {
        var hook = fixture.Receiver.Add("cancelled");
        await fixture.Webhooks.Subscribe(new { url = hook.Url, events = new[] { "submitted", "cancelled" }, job_type = "cancelled-job" });

        Guid jobId;
        await using (await ExecutorHold.Start(fixture))
        {
            jobId = await fixture.SubmitJob("cancelled-job");
            var (status, body) = await fixture.Webhooks.Send(HttpMethod.Delete, $"/api/v1/jobs/{jobId}");
            Assert.True(status == HttpStatusCode.OK, $"cancel answered {(int)status}: {body?.ToJsonString()}");
        }
        var requests = await hook.WaitFor(r => r.Any(x => x.Event == "cancelled"));

        Assert.Equal(["submitted", "cancelled"], requests.Select(r => r.Event));
        var cancelled = requests[1].Json;
        Assert.Equal(jobId, cancelled["job"]!["id"]!.GetValue<Guid>());
        Assert.Equal("cancelled", (string?)cancelled["job"]!["status"]);
        Assert.False(string.IsNullOrEmpty((string?)cancelled["result"]!["reason"]));
    }
}
