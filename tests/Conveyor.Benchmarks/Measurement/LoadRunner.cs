using System.Diagnostics;

namespace Conveyor.Benchmarks.Measurement;

/// <summary>
/// Runs an operation from a number of concurrent clients, each one call at a time, until a duration passes or a count is
/// reached. Bounded in both, so that a slow or broken system ends the run instead of stretching it.
/// </summary>
public static class LoadRunner
{
    /// <param name="operation">One call by the client with the given index; returns how many items it got accepted (0 is a failure).</param>
    public static async Task<Throughput> Run(int clients, TimeSpan duration, long maxCount, Func<int, Task<int>> operation)
    {
        long done = 0, errors = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(async client =>
        {
            while (clock.Elapsed < duration && Interlocked.Read(ref done) < maxCount)
            {
                int accepted;
                try
                {
                    accepted = await operation(client);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    accepted = 0;
                }
                if (accepted > 0)
                    Interlocked.Add(ref done, accepted);
                else if (Interlocked.Increment(ref errors) > 100 && Interlocked.Read(ref done) == 0)
                    throw new InvalidOperationException("every call fails; see the services' logs");
            }
        });
        await Task.WhenAll(workers);
        return new Throughput(done, clock.Elapsed, errors);
    }
}
