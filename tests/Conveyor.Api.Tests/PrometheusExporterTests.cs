using System.Diagnostics.Metrics;
using System.Text;
using Conveyor.ServiceDefaults.Metrics;

namespace Conveyor.Api.Tests;

/// <summary>The MeterListener exporter: counters, up-down counters, histograms and observable gauges in Prometheus text.</summary>
public sealed class PrometheusExporterTests
{
    [Fact]
    public void Should_write_counters_histograms_and_gauges_with_sorted_escaped_labels()
    {
        var meterName = "Conveyor.Test." + Guid.NewGuid().ToString("N");
        using var collector = new MeterCollector([meterName]);
        using var meter = new Meter(meterName);
        var requests = meter.CreateCounter<long>("test.requests", description: "Requests seen.");
        var inFlight = meter.CreateUpDownCounter<int>("test.in_flight");
        var duration = meter.CreateHistogram<double>("test.duration", unit: "s",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1] });
        meter.CreateObservableGauge("test.depth", () => 7);

        requests.Add(2, new KeyValuePair<string, object?>("route", "/jobs"), new KeyValuePair<string, object?>("method", "GET"));
        requests.Add(3, new KeyValuePair<string, object?>("method", "GET"), new KeyValuePair<string, object?>("route", "/jobs"));
        requests.Add(1, new KeyValuePair<string, object?>("route", "a\"b"));
        inFlight.Add(3);
        inFlight.Add(-1);
        duration.Record(0.05);
        duration.Record(0.5);
        duration.Record(5);

        var text = new StringBuilder();
        foreach (var (instrument, series) in collector.Collect())
            PrometheusText.Write(text, instrument, series);
        var lines = text.ToString().Split('\n');

        Assert.Contains("# TYPE test_requests_total counter", lines);
        Assert.Contains("# HELP test_requests_total Requests seen.", lines);
        Assert.Contains("test_requests_total{method=\"GET\",route=\"/jobs\"} 5", lines);
        Assert.Contains("test_requests_total{route=\"a\\\"b\"} 1", lines);
        Assert.Contains("# TYPE test_in_flight gauge", lines);
        Assert.Contains("test_in_flight 2", lines);
        Assert.Contains("# TYPE test_duration_seconds histogram", lines);
        Assert.Contains("test_duration_seconds_bucket{le=\"0.1\"} 1", lines);
        Assert.Contains("test_duration_seconds_bucket{le=\"1\"} 2", lines);
        Assert.Contains("test_duration_seconds_bucket{le=\"+Inf\"} 3", lines);
        Assert.Contains("test_duration_seconds_count 3", lines);
        Assert.Contains("test_duration_seconds_sum 5.55", lines);
        Assert.Contains("test_depth 7", lines);
    }
}
