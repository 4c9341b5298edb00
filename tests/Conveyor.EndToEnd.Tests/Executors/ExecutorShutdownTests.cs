using System.Text.Json.Nodes;
using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests.Executors;

/// <summary>SIGTERM to an executor: running attempts finish within the grace period, or are handed back and run elsewhere; nothing is lost.</summary>
[Collection(ShutdownStackCollection.Name)]
public sealed class ExecutorShutdownTests(ShutdownStackFixture fixture)
{
    [Fact]
    public async Task Should_let_the_running_attempt_finish_when_sigterm_arrives_within_the_grace_period()
    {
        var executorId = "patient-" + Guid.NewGuid().ToString("N")[..6];
        var executor = await fixture.StartExecutor(executorId, TimeSpan.FromSeconds(120));
        var gate = Path.Combine(Path.GetTempPath(), "conveyor-gate-" + Guid.NewGuid().ToString("N"));
        var (url, sha256) = fixture.Binaries.AddScript("gated-finish.sh", """
            while [ ! -e "$GATE" ]; do sleep 0.1; done
            echo finished
            """);
        var id = await fixture.Jobs.Submit(new
        {
            type = "finishes",
            binary_url = url,
            binary_sha256 = sha256,
            env_variables = new Dictionary<string, string> { ["GATE"] = gate },
            priority = "foreground",
        });
        await WaitForStatus(id, "running");

        executor.Terminate();
        Assert.False(await executor.WaitForExit(TimeSpan.FromSeconds(3)), "the executor exited with an attempt still running");
        Assert.Equal("running", (string?)(await fixture.Jobs.Get(id.ToString())).Body!["status"]);
        await File.WriteAllTextAsync(gate, "");
        var job = await fixture.Jobs.WaitForTerminal(id);

        Assert.Equal("completed", (string?)job["status"]);
        Assert.Equal("finished\n", (string?)job["stdout"]);
        var attempt = Assert.Single(job["attempts"]!.AsArray())!;
        Assert.Equal(executorId, (string?)attempt["executor_id"]);
        Assert.True(await executor.WaitForExit(TimeSpan.FromSeconds(60)), "the executor did not exit after its attempt finished");
        Assert.Equal(0, executor.ExitCode);
        Assert.Equal("stopped", (string?)(await Registered(executorId))?["status"]);
        File.Delete(gate);
    }

    [Fact]
    public async Task Should_hand_the_attempt_back_and_have_another_executor_complete_it_when_the_grace_period_ends()
    {
        var leavingId = "leaving-" + Guid.NewGuid().ToString("N")[..6];
        var leaving = await fixture.StartExecutor(leavingId, TimeSpan.FromSeconds(1));
        // The first attempt finds no marker and makes its container wait; the retry finds the marker and finishes at once.
        var marker = Path.Combine(Path.GetTempPath(), "conveyor-retry-marker-" + Guid.NewGuid().ToString("N"));
        var (url, sha256) = fixture.Binaries.AddScript("first-time.sh", """
            if [ -e "$MARKER" ]; then echo '{"first": false}'; else touch "$MARKER"; echo '{"first": true}'; fi
            """);
        var id = await fixture.Jobs.Submit(new
        {
            type = "outlives-its-executor",
            kind = "pipeline",
            priority = "foreground",
            max_attempts = 3,
            steps = new object[]
            {
                new { name = "first-time", binary_url = url, binary_sha256 = sha256, env_variables = new Dictionary<string, string> { ["MARKER"] = marker } },
                new
                {
                    name = "work", kind = "container", image = ContainerJobTests.Image,
                    cmd = new[] { "sh", "-c", "read x; case \"$x\" in *true*) sleep 300;; *) echo finished;; esac" },
                },
            },
        });
        await LocalDocker.WaitForContainer($"conveyor.job={id}", TimeSpan.FromSeconds(60));
        var stayingId = "staying-" + Guid.NewGuid().ToString("N")[..6];
        var staying = await fixture.StartExecutor(stayingId, TimeSpan.FromSeconds(30));

        leaving.Terminate();
        Assert.True(await leaving.WaitForExit(TimeSpan.FromSeconds(60)), "the executor did not exit after its grace period");
        Assert.Equal(0, leaving.ExitCode);
        Assert.Empty(await LocalDocker.ContainersLabelled($"conveyor.executor={leavingId}"));
        var job = await fixture.Jobs.WaitForTerminal(id, TimeSpan.FromSeconds(90));

        Assert.Equal("completed", (string?)job["status"]);
        Assert.Equal("finished\n", (string?)job["stdout"]);
        var attempts = job["attempts"]!.AsArray();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(leavingId, (string?)attempts[0]!["executor_id"]);
        Assert.Equal("failed", (string?)attempts[0]!["status"]);
        Assert.Equal("executor shutting down", (string?)attempts[0]!["error"]);
        Assert.Equal(stayingId, (string?)attempts[1]!["executor_id"]);
        Assert.Equal("completed", (string?)attempts[1]!["status"]);
        Assert.Empty(await LocalDocker.ContainersLabelled($"conveyor.job={id}"));
        File.Delete(marker);
        staying.Terminate();
        await staying.WaitForExit(TimeSpan.FromSeconds(30));
    }

    async Task WaitForStatus(Guid id, string status)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if ((string?)(await fixture.Jobs.Get(id.ToString())).Body?["status"] == status)
                return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"job {id} never became {status}\n{fixture.Stack.Logs()}");
    }

    async Task<JsonNode?> Registered(string executorId)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        JsonNode? executor = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var all = JsonNode.Parse(await fixture.Stack.Api.GetStringAsync("/api/v1/admin/executors?all=true"))!.AsArray();
            executor = all.FirstOrDefault(e => (string?)e!["executor_id"] == executorId);
            if ((string?)executor?["status"] == "stopped")
                return executor;
            await Task.Delay(200);
        }
        return executor;
    }
}
