using System.Net;

namespace Conveyor.EndToEnd.Tests.Api;

/// <summary>
/// With keys on, a client key manages webhook subscriptions to its own jobs only: its subscriptions are filtered to its
/// jobs, and another client's are invisible to it, as that client's jobs are. An admin sees them all.
/// </summary>
[Collection(ApiKeyCollection.Name)]
public sealed class ClientSubscriptionTests(ApiKeyStackFixture fixture)
{
    const string Alice = ApiKeyStackFixture.AliceKey;
    const string Bob = ApiKeyStackFixture.BobKey;
    const string Admin = ApiKeyStackFixture.AdminKey;

    [Fact]
    public async Task Should_confine_a_client_keys_subscription_to_its_own_jobs_and_hide_it_from_other_clients()
    {
        var hook = fixture.Receiver.Add("alice-own-" + Guid.NewGuid().ToString("N")[..6]);
        var (created, subscription) = await fixture.Api.Post("/api/v1/subscriptions", new { url = hook.Url, events = new[] { "submitted" } }, Alice);
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("alice", (string?)subscription!["owner"]);
        var id = subscription["id"]!.GetValue<Guid>();

        var bobs = await fixture.Api.Submit(NativeApi.Job("client-hook"), Bob);
        var alices = await fixture.Api.Submit(NativeApi.Job("client-hook"), Alice);
        await hook.WaitFor(received => received.Any(r => r.JobId == alices));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(hook.Received, r => r.JobId == bobs);

        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Api.Get($"/api/v1/subscriptions/{id}", Bob)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Api.Get($"/api/v1/subscriptions/{id}/deliveries", Bob)).Status);
        var (bobDeletes, bobDeleteBody) = await fixture.Api.Send(HttpMethod.Delete, $"/api/v1/subscriptions/{id}", apiKey: Bob);
        Assert.Equal(HttpStatusCode.NotFound, bobDeletes);
        NativeApi.AssertError(bobDeleteBody, "bob deleting alice's subscription");
        Assert.DoesNotContain(id, Ids((await fixture.Api.Get("/api/v1/subscriptions?limit=1000", Bob)).Body));

        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.Get($"/api/v1/subscriptions/{id}", Alice)).Status);
        Assert.Contains(id, Ids((await fixture.Api.Get("/api/v1/subscriptions?limit=1000", Alice)).Body));
        Assert.Contains(id, Ids((await fixture.Api.Get("/api/v1/subscriptions?limit=1000", Admin)).Body));
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Api.Send(HttpMethod.Delete, $"/api/v1/subscriptions/{id}", apiKey: Alice)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Api.Get($"/api/v1/subscriptions/{id}", Admin)).Status);
    }

    [Fact]
    public async Task Should_answer_403_and_store_nothing_when_a_client_key_subscribes_to_another_owners_jobs()
    {
        var before = Ids((await fixture.Api.Get("/api/v1/subscriptions?limit=1000", Admin)).Body);

        var (status, body) = await fixture.Api.Post("/api/v1/subscriptions",
            new { url = fixture.Receiver.Add("spy-" + Guid.NewGuid().ToString("N")[..6]).Url, events = new[] { "completed" }, owner = "bob" }, Alice);

        Assert.Equal(HttpStatusCode.Forbidden, status);
        NativeApi.AssertError(body, "alice subscribing to bob's jobs");
        Assert.Equal("owner", (string?)body!["context"]!["field"]);
        Assert.Equal(before, Ids((await fixture.Api.Get("/api/v1/subscriptions?limit=1000", Admin)).Body));
    }

    static List<Guid> Ids(System.Text.Json.Nodes.JsonNode? list) => list!.AsArray().Select(s => s!["id"]!.GetValue<Guid>()).ToList();
}
