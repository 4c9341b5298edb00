using System.Text.Json.Nodes;
using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests.Notifications;

/// <summary>
/// The broker routes a job event to notifications only while some subscription wants it: with nobody subscribed a job
/// costs notifications nothing, a new subscription hears the very next job, and a deleted one stops the routing again.
/// A stack of its own (not the notifications collection's), so that no other test's subscriptions are in the table.
/// </summary>
public sealed class EventRoutingTests(NotificationsFixture fixture) : IClassFixture<NotificationsFixture>
{
    const string EventsExchange = "webhook-events";
    const string Started = "Conveyor.Contracts.Attempts:AttemptStarted";
    const string Completed = "Conveyor.Contracts.Jobs:JobCompleted";
    const string Failed = "Conveyor.Contracts.Jobs:JobFailed";
    static readonly TimeSpan Settles = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Should_route_no_job_event_to_notifications_while_nobody_subscribes()
    {
        var job = await fixture.SubmitJob("unheard-job");
        Assert.Equal("completed", (string?)(await fixture.Jobs.WaitForTerminal(job))["status"]);

        // The fixture's warm-up subscribed and unsubscribed; nothing stays bound once notifications has heard that.
        await BindingsBecome([]);
    }

    [Fact]
    public async Task Should_route_a_new_subscriptions_events_before_answering_and_stop_when_it_is_deleted()
    {
        var hook = fixture.Receiver.Add("routed");
        // With notifications down, only the API can have bound the events by the time it answered: so the next job's
        // events cannot overtake the binding, however late notifications hears of the subscription.
        var notifications = fixture.Stack.Running("Conveyor.Notifications").Single();
        fixture.Stack.Stop(notifications);
        JsonNode subscription;
        try
        {
            subscription = await fixture.Webhooks.Subscribe(new { url = hook.Url, events = new[] { "started", "completed" }, job_type = "routed-job" });
            Assert.Equal([Started, Completed], await fixture.Stack.VirtualHost.SourcesBoundTo(EventsExchange));
        }
        finally
        {
            await fixture.Stack.Restart(notifications);
        }

        var job = await fixture.SubmitJob("routed-job");
        var received = await hook.WaitFor(r => r.Count >= 2);
        Assert.Equal(["started", "completed"], received.Select(r => r.Event));
        Assert.All(received, r => Assert.Equal(job, r.Json["job"]!["id"]!.GetValue<Guid>()));

        await fixture.Webhooks.Send(HttpMethod.Delete, $"/api/v1/subscriptions/{(string)subscription["id"]!}");
        await BindingsBecome([]);
    }

    [Fact]
    public async Task Should_route_a_subscription_written_to_the_table_directly_and_stop_when_it_is_removed()
    {
        var id = Guid.NewGuid();
        await fixture.Stack.Database.Scalar(
            "INSERT INTO webhook_subscriptions (id, url, events, secret, created_at) " +
            $"VALUES ('{id}', 'http://127.0.0.1:9/hook', ARRAY['failed'], 'secret', now()) RETURNING 1");
        await BindingsBecome([Failed]);

        await fixture.Stack.Database.Scalar($"DELETE FROM webhook_subscriptions WHERE id = '{id}' RETURNING 1");
        await BindingsBecome([]);
    }

    async Task BindingsBecome(IReadOnlyList<string> expected)
    {
        var deadline = DateTimeOffset.UtcNow + Settles;
        IReadOnlyList<string> bound;
        while (!(bound = await fixture.Stack.VirtualHost.SourcesBoundTo(EventsExchange)).SequenceEqual(expected))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"bound to {EventsExchange}: [{string.Join(", ", bound)}], expected [{string.Join(", ", expected)}]");
            await Task.Delay(200);
        }
    }
}
