using System.Text.Json.Nodes;
using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests.Scheduling;

/// <summary>The jobs the scheduling tests submit: a gated job that runs until its gate opens, and a quick one.</summary>
public sealed class PoolJobs(PoolStackFixture fixture)
{
    public const string GpuPool = "gpu";
    public const string CpuPool = "cpu";

    public Task<Guid> SubmitGated(string gate, string priority, int gpu = 0)
    {
        var (url, sha256) = fixture.Binaries.AddScript("gated.sh", """while [ ! -f "$GATE" ]; do sleep 0.05; done""");
        return fixture.Jobs.Submit(new
        {
            type = "gated",
            binary_url = url,
            binary_sha256 = sha256,
            env_variables = new Dictionary<string, string> { ["GATE"] = gate },
            priority,
            resources = new { gpu },
        });
    }

    public Task<Guid> SubmitQuick(string type, string priority, int gpu = 0)
    {
        var (url, sha256) = fixture.Binaries.AddScript("quick.sh", "exit 0");
        return fixture.Jobs.Submit(new { type, binary_url = url, binary_sha256 = sha256, priority, resources = new { gpu } });
    }

    public async Task<JsonNode> WaitForStatus(Guid id, string status, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        JsonNode? job = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            (_, job) = await fixture.Jobs.Get(id.ToString());
            if ((string?)job?["status"] == status)
                return job!;
            await Task.Delay(50);
        }
        throw new TimeoutException($"job {id} never reached {status}: {job?.ToJsonString()}\n{fixture.Stack.Logs()}");
    }

    /// <summary>
    /// Polls the management API until the queue's figures satisfy <paramref name="condition"/>: the broker refreshes them
    /// every few seconds, so they are waited for, never read once.
    /// </summary>
    public async Task<QueueCounts> WaitForQueue(string queue, Func<QueueCounts, bool> condition)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        QueueCounts? counts = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            counts = await fixture.Stack.VirtualHost.Queue(queue);
            if (counts is not null && condition(counts))
                return counts;
            await Task.Delay(250);
        }
        throw new TimeoutException($"queue {queue} never reached the expected counts; last seen {counts}");
    }

    public async Task<string> Status(Guid id) => (string)(await fixture.Jobs.Get(id.ToString())).Body!["status"]!;
}
