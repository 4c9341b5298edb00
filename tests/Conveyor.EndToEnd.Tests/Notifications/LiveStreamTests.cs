using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests.Notifications;

/// <summary>Server-Sent Events on the API: one job's status and log lines, all jobs, late clients, several API instances.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class LiveStreamTests(NotificationsFixture fixture)
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_stream_pending_running_and_completed_with_log_lines_when_a_client_follows_a_job()
    {
        // The executor has one slot: while the hold keeps it busy, the followed job stays pending.
        var hold = await ExecutorHold.Start(fixture);
        var jobId = await fixture.SubmitJob("streamed-job", "echo first line\necho to stderr >&2\nsleep 0.3\necho last line");

        await using var client = await SseClient.Connect(fixture.Stack.Api.BaseAddress!, $"/api/v1/jobs/{jobId}/events");
        var state = await client.Next(Patience);
        await hold.DisposeAsync();
        var events = await client.ReadUntil(e => e.Name == "status" && (string?)e.Data["status"] is "completed" or "failed", Patience);

        Assert.Equal("state", state!.Name);
        Assert.Equal("pending", (string?)state.Data["status"]);
        Assert.Equal(jobId, state.Data["job_id"]!.GetValue<Guid>());
        Assert.Equal(["running", "completed"], events.Where(e => e.Name == "status").Select(e => (string)e.Data["status"]!));
        Assert.Equal(["first line", "last line"], LogLines(events, "stdout"));
        Assert.Equal(["to stderr"], LogLines(events, "stderr"));
        Assert.Equal("completed", events[^1].Data["status"]!.ToString());
        Assert.Null(await client.Next(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Should_send_the_finished_state_and_end_when_a_client_connects_after_the_job_finished()
    {
        var jobId = await fixture.SubmitJob("finished-before-stream", "exit 5");
        await fixture.Jobs.WaitForTerminal(jobId);

        await using var client = await SseClient.Connect(fixture.Stack.Api.BaseAddress!, $"/api/v1/jobs/{jobId}/events");
        var state = await client.Next(Patience);

        Assert.Equal("state", state!.Name);
        Assert.Equal("failed", (string?)state.Data["status"]);
        Assert.Equal(5, (int?)state.Data["exit_code"]);
        Assert.Null(await client.Next(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Should_show_every_job_on_every_api_instance_when_two_instances_stream_all_jobs()
    {
        var second = await fixture.Stack.StartAnother("Conveyor.Api");
        await using var first = await SseClient.Connect(fixture.Stack.Api.BaseAddress!, "/api/v1/events");
        await using var other = await SseClient.Connect(fixture.Stack.AddressOf(second), "/api/v1/events");

        var jobId = await fixture.SubmitJob("fanned-out-job");

        foreach (var (client, name) in new[] { (first, "first"), (other, "second") })
        {
            var events = await client.ReadUntil(e => IsAbout(e, jobId) && (string?)e.Data["status"] == "completed", Patience);
            var statuses = events.Where(e => e.Name == "status" && IsAbout(e, jobId)).Select(e => (string)e.Data["status"]!).ToList();
            Assert.True(statuses.SequenceEqual(["pending", "running", "completed"]),
                $"the {name} instance streamed: {string.Join("\n", events.Select(e => $"{e.Name} {e.Data.ToJsonString()}"))}");
        }

        var queues = await LiveEventQueues();
        Assert.Equal(2, queues.Count);
        Assert.All(queues, q =>
        {
            Assert.False((bool)q["durable"]!);
            Assert.True((bool)q["auto_delete"]!);
        });
        second.Kill();
    }

    static bool IsAbout(ServerSentEvent e, Guid jobId) => e.Data["job_id"]?.GetValue<Guid>() == jobId;

    static IEnumerable<string> LogLines(IEnumerable<ServerSentEvent> events, string stream) =>
        events.Where(e => e.Name == "log" && (string?)e.Data["stream"] == stream).SelectMany(e => e.Data["lines"]!.AsArray().Select(l => (string)l!));

    async Task<List<JsonNode>> LiveEventQueues()
    {
        using var management = new HttpClient { BaseAddress = new Uri(TestInfrastructure.RabbitManagementUrl) };
        management.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestInfrastructure.RabbitUser}:{TestInfrastructure.RabbitPassword}")));
        var queues = await management.GetFromJsonAsync<JsonArray>($"/api/queues/{Uri.EscapeDataString(fixture.Stack.VirtualHost.Name)}");
        return queues!.Where(q => ((string)q!["name"]!).StartsWith("api-live-events-", StringComparison.Ordinal)).Select(q => q!).ToList();
    }
}
