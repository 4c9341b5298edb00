using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Conveyor.EndToEnd.Tests.Api;

/// <summary>
/// Seed 003's <c>GET /metrics</c> and the <c>/metrics</c> every service serves: Prometheus text from the OpenTelemetry
/// exporter with job, queue, dispatch, HTTP, MassTransit, runtime and process figures.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class MetricsTests(ApiStackFixture fixture)
{
    /// <summary>Labels naming the meter, which some versions of the exporter add to every sample; series are compared without them.</summary>
    static readonly string[] ScopeLabels = ["otel_scope_name", "otel_scope_version"];

    [Fact]
    public async Task Should_serve_prometheus_text_with_jobs_queues_dispatch_latency_http_and_bus_metrics()
    {
        await fixture.Api.Drain("gpu", "metrics-drainer");
        var before = await Scrape(fixture.Stack.Api, "/api/v1/metrics");
        var dispatchedBefore = Samples((await Scrape(Scheduler(), "/metrics")).Text);
        await fixture.Api.Submit(NativeApi.Job("metrics", "foreground"));
        var claimed = await fixture.Api.Submit(NativeApi.Job("metrics", "foreground", gpu: true));
        await fixture.Api.Post("/api/v1/jobs/claim", new { executor_id = "metrics-1", pool = "gpu" });
        await fixture.Api.Put($"/api/v1/jobs/{claimed}/complete", new { executor_id = "metrics-1", exit_code = 0 });

        var (contentType, text) = await Scrape(fixture.Stack.Api, "/api/v1/metrics");
        var scheduler = await Scrape(Scheduler(), "/metrics");

        Assert.StartsWith("text/plain", contentType);
        var samples = Samples(text);
        Assert.Equal(Value(Samples(before.Text), "conveyor_jobs{priority=\"foreground\",status=\"pending\"}") + 1,
            Value(samples, "conveyor_jobs{priority=\"foreground\",status=\"pending\"}"));
        Assert.Contains("conveyor_queue_depth{pool=\"cpu\",priority=\"best_effort\"}", samples.Keys);
        Assert.Contains(samples.Keys, k => k.StartsWith("http_server_request_duration_seconds_bucket{", StringComparison.Ordinal));
        Assert.Contains(samples.Keys, k => k.StartsWith("messaging_masstransit_", StringComparison.Ordinal));

        var dispatched = Samples(scheduler.Text);
        Assert.Equal(Value(dispatchedBefore, "conveyor_job_dispatch_duration_seconds_count{pool=\"gpu\"}") + 1,
            Value(dispatched, "conveyor_job_dispatch_duration_seconds_count{pool=\"gpu\"}"));
        Assert.Contains(dispatched.Keys, k => k.StartsWith("conveyor_job_dispatch_duration_seconds_bucket{le=\"+Inf\",pool=\"gpu\"}", StringComparison.Ordinal));
        Assert.Contains("# TYPE conveyor_job_dispatch_duration_seconds histogram", scheduler.Text);
    }

    [Fact]
    public async Task Should_serve_runtime_process_and_bus_metrics_on_every_service()
    {
        foreach (var process in fixture.Stack.Processes.Where(p => !p.HasExited))
        {
            using var client = new HttpClient { BaseAddress = fixture.Stack.AddressOf(process) };
            // A service's first bus metric comes with its first publish: the bus watchdog's probe, five seconds after
            // start, when nothing else has been sent or received (the notifications service of a stack without webhooks).
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (true)
            {
                var (contentType, text) = await Scrape(client, "/metrics");
                Assert.StartsWith("text/plain", contentType);
                var samples = Samples(text);
                Assert.Contains(samples.Keys, k => k.StartsWith("dotnet_gc_", StringComparison.Ordinal));
                Assert.Contains(samples.Keys, k => k.StartsWith("process_cpu_time_seconds_total", StringComparison.Ordinal));
                if (samples.Keys.Any(k => k.StartsWith("messaging_masstransit_", StringComparison.Ordinal)))
                    break;
                Assert.True(DateTime.UtcNow < deadline, $"{process.Name} serves no messaging_masstransit_ metric");
                await Task.Delay(500);
            }
        }
    }

    [Fact]
    public async Task Should_serve_the_same_families_on_the_apis_root_metrics_page()
    {
        var samples = Samples((await Scrape(fixture.Stack.Api, "/metrics")).Text);

        Assert.Contains("conveyor_jobs{priority=\"foreground\",status=\"pending\"}", samples.Keys);
        Assert.Contains("conveyor_queue_depth{pool=\"gpu\",priority=\"foreground\"}", samples.Keys);
    }

    HttpClient Scheduler() => new() { BaseAddress = fixture.Stack.AddressOf(fixture.Stack.Running("Conveyor.Scheduler")[0]) };

    static async Task<(string ContentType, string Text)> Scrape(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Content.Headers.ContentType!.ToString(), await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Every sample line, which must parse as <c>name{labels} value</c>, keyed by its name and its labels in order (without the
    /// scope labels); comments must be HELP or TYPE.
    /// </summary>
    static Dictionary<string, double> Samples(string text)
    {
        var samples = new Dictionary<string, double>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith('#'))
            {
                Assert.Matches("^# ((HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* |EOF$)", line);
                continue;
            }
            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a Prometheus sample: {line}");
            var labels = LabelPair().Matches(match.Groups["labels"].Value).Select(m => m.Value)
                .Where(l => !ScopeLabels.Any(s => l.StartsWith(s + "=", StringComparison.Ordinal))).Order(StringComparer.Ordinal).ToList();
            var series = match.Groups["name"].Value + (labels.Count > 0 ? "{" + string.Join(",", labels) + "}" : "");
            samples[series] = double.Parse(match.Groups["value"].Value.Replace("+Inf", "Infinity"), CultureInfo.InvariantCulture);
        }
        return samples;
    }

    static double Value(Dictionary<string, double> samples, string series) => samples.GetValueOrDefault(series);

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*"(,[a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*")*)\})? (?<value>\S+)( \d+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"[a-zA-Z_][a-zA-Z0-9_]*=""(\\.|[^""\\])*""")]
    private static partial Regex LabelPair();
}
