using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests.Notifications;

[Collection(NotificationsCollection.Name)]
public sealed class WebhookIsolationTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task Should_not_delay_other_subscriptions_when_one_receiver_is_slow_and_another_is_dead()
    {
        // The slow receiver never answers within the request timeout: every request to it holds its lane that long.
        var slow = fixture.Receiver.Add("slow");
        slow.Delay = NotificationsFixture.RequestTimeout * 3;
        var fast = fixture.Receiver.Add("fast");
        var deadUrl = $"http://127.0.0.1:{FreePort.Next()}/hooks/nobody-listens";
        var events = new[] { "submitted", "started", "completed" };
        await fixture.Webhooks.Subscribe(new { url = slow.Url, events, job_type = "busy-job" });
        await fixture.Webhooks.Subscribe(new { url = fast.Url, events, job_type = "busy-job" });
        var dead = await fixture.Webhooks.Subscribe(new { url = deadUrl, events, job_type = "busy-job" });

        var jobs = new List<Guid>();
        for (var i = 0; i < 3; i++)
            jobs.Add(await fixture.SubmitJob("busy-job"));
        var fastRequests = await fast.WaitFor(r => r.Count == jobs.Count * events.Length);

        Assert.True(slow.Arrived >= 1, "nothing was sent to the slow receiver");
        Assert.Empty(slow.Received);
        foreach (var job in jobs)
        {
            Assert.Equal(events, fastRequests.Where(r => r.JobId == job).Select(r => r.Event));
            var (_, stored) = await fixture.Jobs.Get(job.ToString());
            var completedAt = DateTimeOffset.Parse((string)stored!["completed_at"]!);
            var delivered = fastRequests.Single(r => r.JobId == job && r.Event == "completed").At;
            Assert.True(delivered - completedAt < NotificationsFixture.RequestTimeout,
                $"job {job} completed at {completedAt:O} but reached the fast receiver only at {delivered:O}");
        }

        var deadLog = await fixture.Webhooks.WaitForDeliveries((string)dead["id"]!, l => l.Any(d => (int)d!["attempt_count"]! >= 1));
        var refused = deadLog.First(d => (int)d!["attempt_count"]! >= 1)!["attempts"]![0]!;
        Assert.Null((int?)refused["status_code"]);
        Assert.False(string.IsNullOrEmpty((string?)refused["error"]));
    }
}
