using System.Collections.Concurrent;

namespace Conveyor.ServiceDefaults.Metrics;

/// <summary>
/// The running aggregate of one instrument: per label set a sum (counters, gauges) or a histogram. Measurements arrive
/// on many threads; each series locks only itself.
/// </summary>
public sealed class MetricSeries(string kind, double[] bounds)
{
    public const string Sum = "counter";
    public const string Gauge = "gauge";

    /// <summary>Added up like a counter, but may go down: exposed as a gauge.</summary>
    public const string UpDown = "updown";
    public const string Histogram = "histogram";

    readonly ConcurrentDictionary<string, Aggregate> series = new(StringComparer.Ordinal);

    public string Kind { get; } = kind;
    public IReadOnlyList<double> Bounds { get; } = bounds;

    public void Record(string labels, double value)
    {
        var aggregate = series.GetOrAdd(labels, _ => new Aggregate(Bounds.Count));
        lock (aggregate)
        {
            if (Kind == Gauge)
                aggregate.Total = value;
            else
                aggregate.Total += value;
            if (Kind != Histogram)
                return;
            aggregate.Count++;
            for (var i = 0; i < Bounds.Count; i++)
            {
                if (value <= Bounds[i])
                    aggregate.Buckets[i]++;
            }
        }
    }

    /// <summary>A consistent copy of every series: labels, total, count and cumulative bucket counts.</summary>
    public IReadOnlyList<(string Labels, double Total, long Count, long[] Buckets)> Snapshot() =>
        series.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s =>
        {
            lock (s.Value)
                return (s.Key, s.Value.Total, s.Value.Count, (long[])s.Value.Buckets.Clone());
        }).ToList();

    sealed class Aggregate(int buckets)
    {
        public double Total;
        public long Count;
        public readonly long[] Buckets = new long[buckets];
    }
}
