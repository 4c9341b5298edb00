namespace Conveyor.Benchmarks.Measurement;

/// <summary>Percentiles (nearest rank) of a set of latencies, in milliseconds.</summary>
public sealed record Latencies(double P50, double P95, double P99, int Count)
{
    public static Latencies Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
            throw new InvalidOperationException("no samples");
        var sorted = milliseconds.Order().ToArray();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Latencies(At(0.50), At(0.95), At(0.99), sorted.Length);
    }
}
