namespace Conveyor.EndToEnd.Tests.Notifications;

/// <summary>
/// An API instance hears the job status events only while one of its streams is open: with no client connected, a job
/// costs the API instances nothing, however many there are. Log lines are always routed, for clients that join mid-run.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class LiveEventRoutingTests(NotificationsFixture fixture)
{
    const string LiveExchangePrefix = "api-live-events-";
    const string LogLines = "Conveyor.Contracts.Jobs:JobLogAppended";
    static readonly string[] Everything =
    [
        "Conveyor.Contracts.Attempts:AttemptStarted", "Conveyor.Contracts.Jobs:JobCancelled", "Conveyor.Contracts.Jobs:JobCompleted",
        "Conveyor.Contracts.Jobs:JobFailed", LogLines, "Conveyor.Contracts.Jobs:JobRetryScheduled", "Conveyor.Contracts.Jobs:JobSubmitted",
    ];

    [Fact]
    public async Task Should_route_status_events_to_an_api_instance_only_while_a_stream_is_open_there()
    {
        // Other tests' streams have ended; a second after the last, only the log lines are routed to any instance.
        await EveryInstanceHearsOnly([LogLines]);

        await using (var client = await SseClient.Connect(fixture.Stack.Api.BaseAddress!, "/api/v1/events"))
        {
            // Routed before the stream's first event was sent: a job submitted now is heard from its first event on.
            var routed = await Routing();
            Assert.Single(routed, instance => instance.Value.SequenceEqual(Everything));
            Assert.All(routed.Where(instance => !instance.Value.SequenceEqual(Everything)), instance => Assert.Equal([LogLines], instance.Value));

            var jobId = await fixture.SubmitJob("routed-stream-job");
            var events = await client.ReadUntil(e => e.Name == "status" && (string?)e.Data["job_id"] == jobId.ToString()
                && (string?)e.Data["status"] is "completed" or "failed", TimeSpan.FromSeconds(60));
            Assert.Equal(["pending", "running", "completed"],
                events.Where(e => e.Name == "status" && (string?)e.Data["job_id"] == jobId.ToString()).Select(e => (string)e.Data["status"]!));
        }

        await EveryInstanceHearsOnly([LogLines]);
    }

    async Task<Dictionary<string, IReadOnlyList<string>>> Routing()
    {
        var routing = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var exchange in await fixture.Stack.VirtualHost.ExchangesStartingWith(LiveExchangePrefix))
            routing[exchange] = await fixture.Stack.VirtualHost.SourcesBoundTo(exchange);
        return routing;
    }

    async Task EveryInstanceHearsOnly(string[] sources)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(15);
        Dictionary<string, IReadOnlyList<string>> routing;
        while (!(routing = await Routing()).Values.All(bound => bound.SequenceEqual(sources)) || routing.Count == 0)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline,
                "routed to the API instances: " + string.Join("; ", routing.Select(r => $"{r.Key}: [{string.Join(", ", r.Value)}]")));
            await Task.Delay(200);
        }
    }
}
