using System.Net;
using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests.Notifications;

/// <summary>Signed webhook deliveries to a real receiver on loopback: signature, retries, order, dead letters, redelivery.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class WebhookDeliveryTests(NotificationsFixture fixture)
{
    const string Secret = "webhook-secret-for-tests";

    [Fact]
    public async Task Should_deliver_a_body_whose_signature_verifies_when_a_job_completes()
    {
        var hook = fixture.Receiver.Add("signed");
        var subscription = await fixture.Webhooks.Subscribe(new { url = hook.Url, events = new[] { "completed" }, job_type = "signed-job", secret = Secret });

        var jobId = await fixture.SubmitJob("signed-job");
        var request = (await hook.WaitFor(r => r.Count >= 1)).Single();

        var timestamp = request.Headers["Conveyor-Timestamp"];
        var signature = request.Headers["Conveyor-Signature"];
        Assert.True(WebhookVerifier.IsAuthentic(Secret, timestamp, signature, request.Body, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookVerifier.IsAuthentic("some-other-secret-value", timestamp, signature, request.Body, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookVerifier.IsAuthentic(Secret, timestamp, signature, request.Body.Replace("completed", "failed"), TimeSpan.FromMinutes(5)));

        var body = request.Json;
        Assert.Equal("completed", request.Headers["Conveyor-Event"]);
        Assert.Equal("completed", (string?)body["event"]);
        Assert.Equal(jobId, body["job"]!["id"]!.GetValue<Guid>());
        Assert.Equal("signed-job", (string?)body["job"]!["type"]);
        Assert.Equal("foreground", (string?)body["job"]!["priority"]);
        Assert.Equal("completed", (string?)body["job"]!["status"]);
        Assert.EndsWith("Z", (string?)body["job"]!["created_at"]);
        Assert.EndsWith("Z", (string?)body["job"]!["started_at"]);
        Assert.EndsWith("Z", (string?)body["job"]!["completed_at"]);
        Assert.Equal(0, (int?)body["result"]!["exit_code"]);
        Assert.Equal(request.Headers["Conveyor-Event-Id"], (string?)body["event_id"]);

        var log = await fixture.Webhooks.WaitForDeliveries((string)subscription["id"]!, l => l.Count == 1 && (string?)l[0]!["status"] == "delivered");
        var delivery = log[0]!;
        Assert.Equal(request.Headers["Conveyor-Delivery"], (string?)delivery["id"]);
        Assert.Equal(jobId, delivery["job_id"]!.GetValue<Guid>());
        var attempt = Assert.Single(delivery["attempts"]!.AsArray())!;
        Assert.Equal(200, (int?)attempt["status_code"]);
        Assert.True((long)attempt["latency_ms"]! >= 0);
    }

    [Fact]
    public async Task Should_retry_and_keep_the_job_s_order_when_the_receiver_first_answers_500()
    {
        var hook = fixture.Receiver.Add("flaky", 500);
        var subscription = await fixture.Webhooks.Subscribe(new
        {
            url = hook.Url, events = new[] { "submitted", "started", "completed" }, job_type = "flaky-job", secret = Secret,
        });

        var jobId = await fixture.SubmitJob("flaky-job");
        var requests = await hook.WaitFor(r => r.Count(x => x.AnsweredWith == 200) == 3);

        Assert.Equal(["submitted", "submitted", "started", "completed"], requests.Select(r => r.Event));
        Assert.Equal([500, 200, 200, 200], requests.Select(r => r.AnsweredWith));
        Assert.All(requests, r => Assert.Equal(jobId, r.JobId));
        Assert.Equal(requests[0].Headers["Conveyor-Delivery"], requests[1].Headers["Conveyor-Delivery"]);
        Assert.Equal(requests[0].Body, requests[1].Body);

        var log = await fixture.Webhooks.WaitForDeliveries((string)subscription["id"]!, l => l.Count == 3 && l.All(d => (string?)d!["status"] == "delivered"));
        var submitted = log.Single(d => (string?)d!["event"] == "submitted")!;
        Assert.Equal(2, (int?)submitted["attempt_count"]);
        Assert.Equal([500, 200], submitted["attempts"]!.AsArray().Select(a => (int)a!["status_code"]!));
    }

    [Fact]
    public async Task Should_dead_letter_after_the_last_try_and_deliver_again_when_redelivered()
    {
        var failures = Enumerable.Repeat(500, NotificationsFixture.MaxAttempts).ToArray();
        var hook = fixture.Receiver.Add("down", failures);
        var subscription = await fixture.Webhooks.Subscribe(new { url = hook.Url, events = new[] { "completed" }, job_type = "down-job", secret = Secret });
        var subscriptionId = (string)subscription["id"]!;

        await fixture.SubmitJob("down-job");
        var log = await fixture.Webhooks.WaitForDeliveries(subscriptionId, l => l.Count == 1 && (string?)l[0]!["status"] == "dead_lettered");

        var dead = log[0]!;
        Assert.Equal(NotificationsFixture.MaxAttempts, (int?)dead["attempt_count"]);
        Assert.All(dead["attempts"]!.AsArray(), a => Assert.Equal(500, (int?)a!["status_code"]));
        Assert.Contains("500", (string?)dead["attempts"]![0]!["error"]);
        Assert.Null((string?)dead["next_attempt_at"]);
        Assert.NotNull((string?)dead["completed_at"]);
        Assert.Equal(NotificationsFixture.MaxAttempts, hook.Received.Count);
        Assert.Single(await fixture.Webhooks.Deliveries(subscriptionId, "?status=dead_lettered"));

        var (status, copy) = await fixture.Webhooks.Send(HttpMethod.Post, $"/api/v1/subscriptions/{subscriptionId}/deliveries/{dead["id"]}/redeliver");
        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal((string?)dead["id"], (string?)copy!["redelivery_of"]);

        var requests = await hook.WaitFor(r => r.Any(x => x.AnsweredWith == 200));
        Assert.Equal(requests[0].Json["event_id"]!.ToString(), requests[^1].Json["event_id"]!.ToString());
        log = await fixture.Webhooks.WaitForDeliveries(subscriptionId, l => l.Count == 2 && (string?)l[0]!["status"] == "delivered");
        Assert.Equal((string?)copy["id"], (string?)log[0]!["id"]);
        Assert.Equal("dead_lettered", (string?)log[1]!["status"]);
    }

    [Fact]
    public async Task Should_not_retry_when_the_receiver_answers_a_client_error()
    {
        var hook = fixture.Receiver.Add("refuses", 400);
        var subscription = await fixture.Webhooks.Subscribe(new { url = hook.Url, events = new[] { "completed" }, job_type = "refused-job" });

        await fixture.SubmitJob("refused-job");
        var log = await fixture.Webhooks.WaitForDeliveries((string)subscription["id"]!, l => l.Count == 1 && (string?)l[0]!["status"] == "dead_lettered");

        var attempt = Assert.Single(log[0]!["attempts"]!.AsArray())!;
        Assert.Equal(400, (int?)attempt["status_code"]);
        Assert.Single(hook.Received);
    }

    [Fact]
    public async Task Should_keep_a_pending_delivery_and_send_it_when_notifications_restarts()
    {
        var hook = fixture.Receiver.Add("restart", 503);
        hook.RetryAfterSeconds = 4;
        var subscription = await fixture.Webhooks.Subscribe(new { url = hook.Url, events = new[] { "completed" }, job_type = "restart-job", secret = Secret });
        var subscriptionId = (string)subscription["id"]!;

        await fixture.SubmitJob("restart-job");
        await fixture.Webhooks.WaitForDeliveries(subscriptionId, l => l.Count == 1 && (int?)l[0]!["attempt_count"] == 1);
        await fixture.Stack.Restart(fixture.Stack.Running("Conveyor.Notifications").Single());

        var log = await fixture.Webhooks.WaitForDeliveries(subscriptionId, l => (string?)l[0]!["status"] == "delivered");
        Assert.Equal([503, 200], log[0]!["attempts"]!.AsArray().Select(a => (int)a!["status_code"]!));
        var requests = hook.Received;
        Assert.Equal(requests[0].Headers["Conveyor-Delivery"], requests[1].Headers["Conveyor-Delivery"]);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(3.5), "the receiver's Retry-After was not honoured");
    }
}
