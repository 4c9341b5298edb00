using System.Net;
using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests.Api;

/// <summary>Seed 003's <c>GET /admin/stats</c>: every status and priority present, counts from the jobs themselves.</summary>
[Collection(ApiCollection.Name)]
public sealed class StatsTests(ApiStackFixture fixture)
{
    [Fact]
    public async Task Should_count_every_status_and_every_waiting_priority_including_zeros()
    {
        var before = await Stats();
        var foreground = await fixture.Api.Submit(NativeApi.Job("stats", "foreground"));
        await fixture.Api.Submit(NativeApi.Job("stats", "foreground"));
        await fixture.Api.Submit(NativeApi.Job("stats", "best_effort"));
        await fixture.Api.Send(HttpMethod.Delete, $"/api/v1/jobs/{foreground}");

        var after = await Stats();

        Assert.Equal(["jobs_by_status", "pending_by_priority", "active_executors"], NativeApi.Fields(after));
        Assert.Equal(["pending", "running", "completed", "failed", "cancelled"], NativeApi.Fields(after["jobs_by_status"]));
        Assert.Equal(["foreground", "background", "best_effort"], NativeApi.Fields(after["pending_by_priority"]));
        Assert.Equal(Count(before, "jobs_by_status", "pending") + 2, Count(after, "jobs_by_status", "pending"));
        Assert.Equal(Count(before, "jobs_by_status", "cancelled") + 1, Count(after, "jobs_by_status", "cancelled"));
        Assert.Equal(Count(before, "pending_by_priority", "foreground") + 1, Count(after, "pending_by_priority", "foreground"));
        Assert.Equal(Count(before, "pending_by_priority", "best_effort") + 1, Count(after, "pending_by_priority", "best_effort"));
        Assert.Equal(Count(before, "pending_by_priority", "background"), Count(after, "pending_by_priority", "background"));
        Assert.True(after["active_executors"]!.GetValue<int>() >= 0);
    }

    async Task<JsonNode> Stats()
    {
        var (status, body) = await fixture.Api.Get("/api/v1/admin/stats");
        Assert.Equal(HttpStatusCode.OK, status);
        return body!;
    }

    static long Count(JsonNode stats, string map, string key) => stats[map]![key]!.GetValue<long>();
}
