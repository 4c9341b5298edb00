using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests.Scheduling;

/// <summary>
/// Polling executors (seed 003's claim) and a queue executor serve one pool at once: every job runs exactly once, on
/// one of them, because both ask the saga for the same attempt and it grants it once.
/// </summary>
[Collection(PoolStackCollection.Name)]
public sealed class HttpAndQueueExecutorTests(PoolStackFixture fixture)
{
    const int JobCount = 40;
    const string ExecutionQueue = "execute-job-cpu";

    [Fact]
    public async Task Should_run_every_job_exactly_once_when_http_claimers_and_a_queue_executor_share_the_pool()
    {
        var runLog = Path.Combine(Directory.CreateTempSubdirectory("conveyor-runs-").FullName, "runs.log");
        var (url, sha256) = fixture.Binaries.AddScript("mixed-run.sh", $"echo \"$1\" >> {runLog}\nsleep 0.05");
        var executor = await fixture.Stack.StartExecutor(PoolJobs.CpuPool, slots: 2);
        var claimed = new ConcurrentBag<Guid>();
        using var stopClaiming = new CancellationTokenSource();
        try
        {
            var claimers = Enumerable.Range(1, 2).Select(n => Claim($"http-{n}", claimed, stopClaiming.Token)).ToList();
            var tokens = new Dictionary<Guid, string>();
            for (var i = 0; i < JobCount; i++)
            {
                var token = $"job-{i}";
                var id = await fixture.Jobs.Submit(new
                {
                    type = "mixed", binary_url = url, binary_sha256 = sha256, priority = "background", arguments = new[] { token },
                    env_variables = new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" },
                });
                tokens[id] = token;
            }

            var finished = new List<JsonNode>();
            foreach (var id in tokens.Keys)
                finished.Add(await fixture.Jobs.WaitForTerminal(id, TimeSpan.FromSeconds(120)));
            await stopClaiming.CancelAsync();
            await Task.WhenAll(claimers);
            await LeaveTheQueueEmpty();

            var queueRuns = File.Exists(runLog) ? File.ReadAllLines(runLog) : [];
            Assert.All(finished, job => Assert.Equal("completed", (string?)job["status"]));
            Assert.All(finished, job => Assert.Single(job["attempts"]!.AsArray()));
            foreach (var (id, token) in tokens)
            {
                var runs = queueRuns.Count(r => r == token) + claimed.Count(c => c == id);
                Assert.True(runs == 1, $"{token} ({id}) ran {runs} times");
            }
            Assert.NotEmpty(claimed);
            Assert.NotEmpty(queueRuns);
        }
        finally
        {
            await stopClaiming.CancelAsync();
            fixture.Stack.Stop(executor);
        }
    }

    // The claimed jobs' queued copies wait in the pool's queue until the queue executor takes and drops them; the tests
    // after this one count that queue's messages, so it must be empty before the executor stops. The broker's figures
    // lag by up to its statistics interval (5 s): wait past it so that an empty reading is not one from before the jobs.
    async Task LeaveTheQueueEmpty()
    {
        await Task.Delay(TimeSpan.FromSeconds(6));
        await new PoolJobs(fixture).WaitForQueue(ExecutionQueue, q => q is { Ready: 0, Unacknowledged: 0 });
    }

    async Task Claim(string executorId, ConcurrentBag<Guid> claimed, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var response = await fixture.Stack.Api.PostAsJsonAsync("/api/v1/jobs/claim", new { executor_id = executorId, pool = PoolJobs.CpuPool });
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                await Task.Delay(20, CancellationToken.None);
                continue;
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var id = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
            claimed.Add(id);
            var done = await fixture.Stack.Api.PutAsJsonAsync($"/api/v1/jobs/{id}/complete", new { executor_id = executorId, stdout = "http", exit_code = 0 });
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }
    }
}
