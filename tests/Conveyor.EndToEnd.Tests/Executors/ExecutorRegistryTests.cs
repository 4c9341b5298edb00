using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests.Executors;

/// <summary>Seed 003's <c>GET /api/v1/admin/executors</c>, backed by the registry the scheduler keeps from executors' profiles and heartbeats.</summary>
[Collection(StackCollection.Name)]
public sealed class ExecutorRegistryTests(StackFixture fixture)
{
    [Fact]
    public async Task Should_list_the_running_executor_with_its_profile_when_it_has_registered()
    {
        var executor = await WaitForExecutor(e => (string?)e["pool"] == "cpu");

        Assert.Equal("active", (string?)executor["status"]);
        Assert.False(string.IsNullOrEmpty((string?)executor["executor_id"]));
        Assert.EndsWith("Z", (string?)executor["last_heartbeat"]);
        Assert.NotNull(executor["jobs_completed"]);
        Assert.True(executor.AsObject().ContainsKey("current_job_id"));
        Assert.True(executor.AsObject().ContainsKey("job_type"));
        var profile = executor["profile"]!;
        Assert.Equal(Environment.MachineName, (string?)profile["hostname"]);
        Assert.Equal(Environment.ProcessorCount, (int?)profile["cores"]);
        Assert.True((long?)profile["memory_mb"] > 0);
        Assert.False(string.IsNullOrEmpty((string?)profile["os"]));
        Assert.False(string.IsNullOrEmpty((string?)profile["cpu_model"]));
        Assert.Empty(profile["gpus"]!.AsArray());
        Assert.Equal(["process", "docker"], profile["runtimes"]!.AsArray().Select(r => (string?)r));
        Assert.Equal(8, (int?)profile["slots"]); // the executor's default
        Assert.Matches("^[0-9a-f]{64}$", (string?)profile["runner_sha256"]);
    }

    [Fact]
    public async Task Should_show_the_job_an_executor_runs_when_its_heartbeat_reports_it()
    {
        var (url, sha256) = fixture.Binaries.AddScript("busy.sh", "sleep 8");
        var id = await fixture.Jobs.Submit(new { type = "keeps-busy", binary_url = url, binary_sha256 = sha256, priority = "foreground" });

        var executor = await WaitForExecutor(e => (string?)e["current_job_id"] == id.ToString(), TimeSpan.FromSeconds(20));

        Assert.Equal("keeps-busy", (string?)executor["job_type"]);
        Assert.Contains(executor["running_attempts"]!.AsArray(), a => (string?)a!["job_id"] == id.ToString());
        Assert.True((int?)executor["free_slots"] < (int?)executor["slots"]);
        await fixture.Jobs.WaitForTerminal(id);
    }

    async Task<JsonNode> WaitForExecutor(Func<JsonNode, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        JsonArray executors = [];
        while (DateTimeOffset.UtcNow < deadline)
        {
            var response = await fixture.Stack.Api.GetAsync("/api/v1/admin/executors");
            executors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
            if (executors.FirstOrDefault(e => condition(e!)) is { } found)
                return found;
            await Task.Delay(200);
        }
        throw new TimeoutException($"no executor matched; the registry lists {executors.ToJsonString()}");
    }
}
