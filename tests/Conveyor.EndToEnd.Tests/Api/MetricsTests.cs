using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Conveyor.EndToEnd.Tests.Api;

/// <summary>Seed 003's <c>GET /metrics</c>: Prometheus text with job, queue, dispatch, HTTP and MassTransit figures.</summary>
[Collection(ApiCollection.Name)]
public sealed partial class MetricsTests(ApiStackFixture fixture)
{
    [Fact]
    public async Task Should_serve_prometheus_text_with_jobs_queues_dispatch_latency_http_and_bus_metrics()
    {
        await fixture.Api.Drain("gpu", "metrics-drainer");
        var before = await Scrape();
        await fixture.Api.Submit(NativeApi.Job("metrics", "foreground"));
        var claimed = await fixture.Api.Submit(NativeApi.Job("metrics", "foreground", gpu: true));
        await fixture.Api.Post("/api/v1/jobs/claim", new { executor_id = "metrics-1", pool = "gpu" });
        await fixture.Api.Put($"/api/v1/jobs/{claimed}/complete", new { executor_id = "metrics-1", exit_code = 0 });

        var (contentType, text) = await Scrape();

        Assert.StartsWith("text/plain", contentType);
        var samples = Samples(text);
        Assert.Equal(Value(Samples(before.Text), "conveyor_jobs{priority=\"foreground\",status=\"pending\"}") + 1,
            Value(samples, "conveyor_jobs{priority=\"foreground\",status=\"pending\"}"));
        Assert.Contains("conveyor_queue_depth{pool=\"cpu\",priority=\"best_effort\"}", samples.Keys);
        Assert.True(Value(samples, "conveyor_dispatch_latency_seconds_count") >= Value(Samples(before.Text), "conveyor_dispatch_latency_seconds_count") + 1);
        Assert.Contains(samples.Keys, k => k.StartsWith("conveyor_dispatch_latency_seconds_bucket{le=\"+Inf\"}", StringComparison.Ordinal));
        Assert.Contains(samples.Keys, k => k.StartsWith("http_server_request_duration_seconds_bucket{", StringComparison.Ordinal));
        Assert.Contains(samples.Keys, k => k.StartsWith("messaging_masstransit_", StringComparison.Ordinal));
        Assert.Contains("# TYPE conveyor_dispatch_latency_seconds histogram", text);
    }

    async Task<(string ContentType, string Text)> Scrape()
    {
        var response = await fixture.Stack.Api.GetAsync("/api/v1/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Content.Headers.ContentType!.ToString(), await response.Content.ReadAsStringAsync());
    }

    /// <summary>Every sample line, which must parse as <c>name{labels} value</c>; comments must be HELP or TYPE.</summary>
    static Dictionary<string, double> Samples(string text)
    {
        var samples = new Dictionary<string, double>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('#'))
            {
                Assert.Matches("^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* ", line);
                continue;
            }
            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a Prometheus sample: {line}");
            samples[match.Groups["series"].Value] = double.Parse(match.Groups["value"].Value.Replace("+Inf", "Infinity"), CultureInfo.InvariantCulture);
        }
        return samples;
    }

    static double Value(Dictionary<string, double> samples, string series) => samples.GetValueOrDefault(series);

    [GeneratedRegex("""^(?<series>[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*"(,[a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*")*\})?) (?<value>\S+)$""")]
    private static partial Regex SampleLine();
}
