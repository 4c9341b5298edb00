using System.Net;
using Conveyor.EndToEnd.Tests.Api;

namespace Conveyor.EndToEnd.Tests.Infernet;

/// <summary>With API keys on, an Infernet client is its key: it sees only its own jobs, and without a key nothing.</summary>
[Collection(ApiKeyCollection.Name)]
public sealed class InfernetClientIsolationTests(ApiKeyStackFixture fixture)
{
    [Fact]
    public async Task Should_show_each_client_only_its_own_jobs()
    {
        var alice = new InfernetClient(fixture.Stack.Api, ApiKeyStackFixture.AliceKey);
        var bob = new InfernetClient(fixture.Stack.Api, ApiKeyStackFixture.BobKey);

        var alices = await alice.Create(["echo"], new { who = "alice" });
        var bobs = await bob.Create(["echo"], new { who = "bob" });

        var (_, aliceIds) = await alice.Get("/api/jobs");
        var (_, bobReadsAlices) = await bob.Get($"/api/jobs?id={alices}&id={bobs}");
        Assert.Contains(alices.ToString(), aliceIds!.AsArray().Select(i => (string?)i));
        Assert.DoesNotContain(bobs.ToString(), aliceIds.AsArray().Select(i => (string?)i));
        Assert.Equal(bobs.ToString(), (string?)Assert.Single(bobReadsAlices!.AsArray())!["id"]);
        Assert.Equal(1, await fixture.Stack.Database.Scalar($"SELECT count(*) FROM jobs WHERE id = '{alices}' AND owner = 'alice'"));
    }

    [Fact]
    public async Task Should_refuse_a_client_without_a_key_in_infernets_error_shape()
    {
        var (status, body) = await new InfernetClient(fixture.Stack.Api).Post("/api/jobs", new { containers = new[] { "echo" }, data = new { } });

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.False(string.IsNullOrWhiteSpace((string?)body!["error"]));
    }
}
