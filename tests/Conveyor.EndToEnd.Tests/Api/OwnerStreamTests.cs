using Conveyor.EndToEnd.Tests.Notifications;

namespace Conveyor.EndToEnd.Tests.Api;

/// <summary>
/// The all-jobs stream with API keys on: a client key hears only the jobs it submitted, an admin key hears every job,
/// and the filters narrow it by type. The owner comes with each lifecycle event, not from the database.
/// </summary>
[Collection(ApiKeyCollection.Name)]
public sealed class OwnerStreamTests(ApiKeyStackFixture fixture)
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_stream_a_clients_own_jobs_to_it_and_every_job_to_an_admin()
    {
        var type = "streamed-" + Guid.NewGuid().ToString("N")[..8];
        await using var alice = await SseClient.Connect(fixture.Stack.Api.BaseAddress!, $"/api/v1/events?type={type}",
            ApiKeyStackFixture.AliceKey);
        await using var admin = await SseClient.Connect(fixture.Stack.Api.BaseAddress!, $"/api/v1/events?type={type}",
            ApiKeyStackFixture.AdminKey);

        var bobs = await fixture.Api.Submit(NativeApi.Job(type), ApiKeyStackFixture.BobKey);
        var alices = await fixture.Api.Submit(NativeApi.Job(type), ApiKeyStackFixture.AliceKey);

        // Both jobs' submissions reach the admin, Bob's first; Alice's stream, read to her own job, holds nothing of Bob's.
        var adminEvents = await admin.ReadUntil(e => About(e) == alices, Patience);
        var aliceEvents = await alice.ReadUntil(e => About(e) == alices, Patience);
        Assert.Contains(adminEvents, e => About(e) == bobs);
        Assert.DoesNotContain(aliceEvents, e => About(e) == bobs);
        Assert.All(aliceEvents.Where(e => e.Name == "status"), e => Assert.Equal(alices, About(e)));
    }

    [Fact]
    public async Task Should_refuse_a_stream_filter_outside_the_documented_values()
    {
        var (status, body) = await fixture.Api.Get("/api/v1/events?priority=urgent", ApiKeyStackFixture.AliceKey);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
        Assert.Equal("priority", (string?)body!["context"]!["field"]);
    }

    static Guid? About(ServerSentEvent e) => e.Data["job_id"]?.GetValue<Guid>();
}
