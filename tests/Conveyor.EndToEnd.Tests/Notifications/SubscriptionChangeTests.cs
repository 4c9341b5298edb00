namespace Conveyor.EndToEnd.Tests.Notifications;

/// <summary>
/// Notifications keeps the subscriptions in memory while it hears every change to the table: a subscription added or
/// removed while events flow must take effect for the very next job, not after some expiry.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class SubscriptionChangeTests(NotificationsFixture fixture)
{
    [Fact]
    public async Task Should_deliver_the_next_job_to_a_subscription_added_after_events_were_matched()
    {
        var first = fixture.Receiver.Add("change-first");
        await fixture.Webhooks.Subscribe(new { url = first.Url, events = new[] { "completed" }, job_type = "change-job" });
        var before = await fixture.SubmitJob("change-job");
        await first.WaitFor(r => r.Count >= 1);

        var second = fixture.Receiver.Add("change-second");
        await fixture.Webhooks.Subscribe(new { url = second.Url, events = new[] { "completed" }, job_type = "change-job" });
        var after = await fixture.SubmitJob("change-job");

        var received = await second.WaitFor(r => r.Count >= 1);
        Assert.Equal(after, Assert.Single(received).Json["job"]!["id"]!.GetValue<Guid>());
        await first.WaitFor(r => r.Count >= 2);
        Assert.Equal([before, after], first.Received.Select(r => r.Json["job"]!["id"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task Should_send_nothing_for_the_next_job_when_a_matched_subscription_is_deleted()
    {
        var kept = fixture.Receiver.Add("change-kept");
        var removed = fixture.Receiver.Add("change-removed");
        await fixture.Webhooks.Subscribe(new { url = kept.Url, events = new[] { "completed" }, job_type = "change-delete-job" });
        var subscription = await fixture.Webhooks.Subscribe(new { url = removed.Url, events = new[] { "completed" }, job_type = "change-delete-job" });
        await fixture.SubmitJob("change-delete-job");
        await removed.WaitFor(r => r.Count >= 1);

        await fixture.Webhooks.Send(HttpMethod.Delete, $"/api/v1/subscriptions/{(string)subscription["id"]!}");
        var after = await fixture.SubmitJob("change-delete-job");

        // The kept subscription hearing the second job shows its event was matched after the deletion.
        await kept.WaitFor(r => r.Count >= 2);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(removed.Received);
        Assert.DoesNotContain(removed.Received, r => r.Json["job"]!["id"]!.GetValue<Guid>() == after);
    }
}
