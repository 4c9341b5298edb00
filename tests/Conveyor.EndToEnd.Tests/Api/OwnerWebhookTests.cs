using System.Net;

namespace Conveyor.EndToEnd.Tests.Api;

/// <summary>A webhook subscription's <c>owner</c> filter matches the API key that submitted the job.</summary>
[Collection(ApiKeyCollection.Name)]
public sealed class OwnerWebhookTests(ApiKeyStackFixture fixture)
{
    [Fact]
    public async Task Should_deliver_only_the_events_of_jobs_the_filtered_owner_submitted()
    {
        var hook = fixture.Receiver.Add("alice-only-" + Guid.NewGuid().ToString("N")[..6]);
        var (created, _) = await fixture.Api.Post("/api/v1/subscriptions", new { url = hook.Url, events = new[] { "submitted" }, owner = "alice" },
            ApiKeyStackFixture.AdminKey);
        Assert.Equal(HttpStatusCode.Created, created);

        var bobs = await fixture.Api.Submit(NativeApi.Job("owner-hook"), ApiKeyStackFixture.BobKey);
        var alices = await fixture.Api.Submit(NativeApi.Job("owner-hook"), ApiKeyStackFixture.AliceKey);
        await hook.WaitFor(received => received.Any(r => r.JobId == alices));
        // Bob's job was submitted first: had the filter let it through, it would have been delivered by now.
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.DoesNotContain(hook.Received, r => r.JobId == bobs);
        Assert.Single(hook.Received, r => r.JobId == alices);
    }
}
