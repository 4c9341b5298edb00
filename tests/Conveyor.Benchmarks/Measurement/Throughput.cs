namespace Conveyor.Benchmarks.Measurement;

/// <summary>How many operations succeeded in how long, and how many failed.</summary>
public sealed record Throughput(long Count, TimeSpan Elapsed, long Errors)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;
}
