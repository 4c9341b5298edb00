using Conveyor.Benchmarks.Measurement;

namespace Conveyor.Benchmarks.Scenarios;

/// <summary>
/// Submitted → started: from the moment the client sends <c>POST /api/v1/jobs</c> to the job's <c>started_at</c> (the
/// scheduler's grant of the attempt to an executor), one job at a time. Both clocks are this machine's.
/// </summary>
public sealed class DispatchLatency(BenchClient client, TrivialJob job)
{
    static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    public async Task<Latencies> Measure(int samples, string priority)
    {
        var body = job.Body("bench-latency-" + priority, priority);
        var latencies = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var submitted = DateTime.UtcNow;
            var id = await client.Submit(body) ?? throw new InvalidOperationException("a latency sample was not accepted");
            latencies.Add((await WaitUntilStarted(id) - submitted).TotalMilliseconds);
        }
        return Latencies.Of(latencies);
    }

    async Task<DateTime> WaitUntilStarted(Guid id)
    {
        var deadline = DateTime.UtcNow + GiveUpAfter;
        while (DateTime.UtcNow < deadline)
        {
            if (await client.StartedAt(id) is { } started)
                return started;
            // The figure is the job's own started_at, so how often this looks changes nothing but the load it adds:
            // a GET every 2 ms kept the API and PostgreSQL busy on the two cores the dispatch itself needs.
            await Task.Delay(20);
        }
        throw new TimeoutException($"job {id} did not start within {GiveUpAfter}");
    }
}
