using System.Text;
using Conveyor.Api.Endpoints.V1;
using Conveyor.Api.Queries;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;
using Conveyor.ServiceDefaults.Metrics;

namespace Conveyor.Api.Metrics;

/// <summary>The API's Prometheus page: job figures from the database, then every meter the process publishes.</summary>
public sealed class MetricsWriter(MeterCollector meters, StatsQueries stats, JobMetricsQueries jobs)
{
    static readonly JobPriority[] Priorities = [JobPriority.Foreground, JobPriority.Background, JobPriority.BestEffort];

    public async Task<string> Write(CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        await WriteJobs(text, cancellationToken);
        await WriteQueueDepth(text, cancellationToken);
        await WriteDispatchLatency(text, cancellationToken);
        foreach (var (instrument, series) in meters.Collect())
            PrometheusText.Write(text, instrument, series);
        return text.ToString();
    }

    async Task WriteJobs(StringBuilder text, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<(string, JobPriority), long>();
        foreach (var (state, priority, count) in await stats.CountByStateAndPriority(owner: null, cancellationToken))
            counts[(PublicStatus.Of(state), priority)] = counts.GetValueOrDefault((PublicStatus.Of(state), priority)) + count;
        PrometheusText.Family(text, "conveyor_jobs", "gauge", "Jobs by public status and priority.");
        foreach (var status in PublicStatus.All)
        {
            foreach (var priority in Priorities)
                PrometheusText.Sample(text, "conveyor_jobs", PrometheusText.Labels([("status", status), ("priority", JobPriorityNames.Of(priority))]),
                    counts.GetValueOrDefault((status, priority)));
        }
    }

    async Task WriteQueueDepth(StringBuilder text, CancellationToken cancellationToken)
    {
        var depth = await jobs.QueueDepth(cancellationToken);
        var pools = depth.Select(d => d.Pool).Append("cpu").Append("gpu").Distinct().Order(StringComparer.Ordinal);
        PrometheusText.Family(text, "conveyor_queue_depth", "gauge", "Attempts waiting in their pool's queue for an executor, by priority.");
        foreach (var pool in pools)
        {
            foreach (var priority in Priorities)
                PrometheusText.Sample(text, "conveyor_queue_depth", PrometheusText.Labels([("pool", pool), ("priority", JobPriorityNames.Of(priority))]),
                    depth.Where(d => d.Pool == pool && d.Priority == priority).Sum(d => d.Count));
        }
    }

    async Task WriteDispatchLatency(StringBuilder text, CancellationToken cancellationToken)
    {
        const string name = "conveyor_dispatch_latency_seconds";
        var (buckets, count, sum) = await jobs.DispatchLatency(cancellationToken);
        PrometheusText.Family(text, name, "histogram", "Time from a job's submission to its first start.");
        for (var i = 0; i < buckets.Length; i++)
            PrometheusText.Sample(text, name + "_bucket", $"le=\"{PrometheusText.Number(JobMetricsQueries.DispatchBounds[i])}\"", buckets[i]);
        PrometheusText.Sample(text, name + "_bucket", "le=\"+Inf\"", count);
        PrometheusText.Sample(text, name + "_sum", "", sum);
        PrometheusText.Sample(text, name + "_count", "", count);
    }
}
