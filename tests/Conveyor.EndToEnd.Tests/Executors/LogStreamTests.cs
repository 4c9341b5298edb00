using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests.Executors;

/// <summary>A running job's output reaches subscribers as <c>JobLogAppended</c> events while it runs, not only in its final result.</summary>
[Collection(StackCollection.Name)]
public sealed class LogStreamTests(StackFixture fixture)
{
    [Fact]
    public async Task Should_publish_output_lines_as_log_events_while_the_job_runs()
    {
        await using var tap = await BrokerTap.Listen(fixture.Stack.VirtualHost, "Conveyor.Contracts.Jobs:JobLogAppended");
        var (url, sha256) = fixture.Binaries.AddScript("talks.sh", """
            echo "first line"
            echo "a warning" >&2
            sleep 2
            echo "last line"
            """);

        var id = await fixture.Jobs.Submit(new { type = "talks", binary_url = url, binary_sha256 = sha256, priority = "foreground" });
        var job = await fixture.Jobs.WaitForTerminal(id);
        var events = await EventsOf(tap, id, expectedLines: 3);

        Assert.Equal("completed", (string?)job["status"]);
        var stdout = events.Where(e => (string?)e["stream"] == "stdout").SelectMany(e => e["lines"]!.AsArray().Select(l => (string?)l)).ToList();
        var stderr = events.Where(e => (string?)e["stream"] == "stderr").SelectMany(e => e["lines"]!.AsArray().Select(l => (string?)l)).ToList();
        Assert.Equal(["first line", "last line"], stdout);
        Assert.Equal(["a warning"], stderr);
        var first = events.First(e => e["lines"]!.AsArray().Any(l => (string?)l == "first line"));
        Assert.True(first["at"]!.GetValue<DateTimeOffset>() < job["completed_at"]!.GetValue<DateTimeOffset>().AddSeconds(-1),
            "the first line was not published while the job was still running");
    }

    [Fact]
    public async Task Should_name_the_pipeline_step_that_printed_each_batch_of_lines()
    {
        await using var tap = await BrokerTap.Listen(fixture.Stack.VirtualHost, "Conveyor.Contracts.Jobs:JobLogAppended");
        object Step(string name, string script) => new
        {
            name, kind = "container", image = "conveyor/busybox:latest", entrypoint = new[] { "sh", "-c" }, cmd = new[] { script },
        };

        var id = await fixture.Jobs.Submit(new
        {
            type = "talking-pipeline",
            kind = "pipeline",
            priority = "foreground",
            steps = new[] { Step("first", "echo from the first step"), Step("second", "cat > /dev/null; echo from the second step") },
        });
        var job = await fixture.Jobs.WaitForTerminal(id);
        var events = await EventsOf(tap, id, expectedLines: 2);

        Assert.Equal("completed", (string?)job["status"]);
        Assert.Equal([(0, "from the first step"), (1, "from the second step")],
            events.SelectMany(e => e["lines"]!.AsArray().Select(l => ((int)e["stepIndex"]!, (string)l!))).ToList());
    }

    static async Task<List<System.Text.Json.Nodes.JsonNode>> EventsOf(BrokerTap tap, Guid jobId, int expectedLines)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(15);
        while (true)
        {
            var events = tap.Messages.Select(m => m["message"]!).Where(m => (string?)m["jobId"] == jobId.ToString()).ToList();
            if (events.Sum(e => e["lines"]!.AsArray().Count) >= expectedLines || DateTimeOffset.UtcNow > deadline)
                return events;
            await Task.Delay(100);
        }
    }
}
