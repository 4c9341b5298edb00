using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Conveyor.ServiceDefaults.Metrics;

/// <summary>
/// Listens to the meters the service and its libraries publish through System.Diagnostics.Metrics (ASP.NET Core's
/// request durations, MassTransit's message counters and timings, our own) and keeps running aggregates for the
/// Prometheus text endpoint. prometheus-net and the OpenTelemetry exporter are not served here; this is all they would do.
/// </summary>
public sealed class MeterCollector : IDisposable
{
    /// <summary>Used where an instrument gives no advice: from 1 ms to 60 s, in seconds (or the instrument's own unit).</summary>
    static readonly double[] DefaultBounds = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    readonly MeterListener listener = new();
    readonly ConcurrentDictionary<Instrument, MetricSeries> instruments = new();
    readonly IReadOnlyList<string> meterPrefixes;

    public MeterCollector(IReadOnlyList<string> meterPrefixes)
    {
        this.meterPrefixes = meterPrefixes;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (meterPrefixes.Any(p => instrument.Meter.Name.StartsWith(p, StringComparison.Ordinal)))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<short>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<byte>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<float>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<decimal>((i, v, tags, _) => Record(i, (double)v, tags));
        listener.Start();
    }

    public IReadOnlyList<string> MeterPrefixes => meterPrefixes;

    /// <summary>Every instrument heard so far with its aggregates, after asking observable instruments for their values.</summary>
    public IReadOnlyList<(Instrument Instrument, MetricSeries Series)> Collect()
    {
        listener.RecordObservableInstruments();
        return instruments.Select(i => (i.Key, i.Value)).OrderBy(i => i.Key.Meter.Name, StringComparer.Ordinal)
            .ThenBy(i => i.Key.Name, StringComparer.Ordinal).ToList();
    }

    void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var series = instruments.GetOrAdd(instrument, Describe);
        series.Record(PrometheusText.Labels(tags), value);
    }

    static MetricSeries Describe(Instrument instrument) => instrument switch
    {
        Histogram<double> { Advice.HistogramBucketBoundaries: { } bounds } => new MetricSeries(MetricSeries.Histogram, [.. bounds]),
        Histogram<long> { Advice.HistogramBucketBoundaries: { } bounds } => new MetricSeries(MetricSeries.Histogram, [.. bounds.Select(b => (double)b)]),
        _ when instrument.GetType().Name.StartsWith("Histogram", StringComparison.Ordinal) => new MetricSeries(MetricSeries.Histogram, DefaultBounds),
        _ when instrument.GetType().Name.StartsWith("ObservableGauge", StringComparison.Ordinal)
            || instrument.GetType().Name.StartsWith("Gauge", StringComparison.Ordinal) => new MetricSeries(MetricSeries.Gauge, []),
        _ when instrument.GetType().Name.StartsWith("UpDownCounter", StringComparison.Ordinal) => new MetricSeries(MetricSeries.UpDown, []),
        // Observable counters report their running total each time; keep the latest rather than adding them up.
        _ when instrument.IsObservable => new MetricSeries(MetricSeries.Gauge, []),
        _ => new MetricSeries(MetricSeries.Sum, []),
    };

    public void Dispose() => listener.Dispose();
}
