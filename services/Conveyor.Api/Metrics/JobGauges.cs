using System.Diagnostics.Metrics;
using Conveyor.Api.Http;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;

namespace Conveyor.Api.Metrics;

/// <summary>
/// The API's job gauges (<c>conveyor.jobs</c>, <c>conveyor.queue.depth</c>), read from the database whenever the meter
/// provider collects, that is on each scrape of <c>/metrics</c>. Every status, priority and the standard pools are always
/// reported, zero included, so that an alert on a series never sees it vanish.
/// </summary>
public sealed class JobGauges
{
    public const string MeterName = "Conveyor.Api";

    static readonly JobPriority[] Priorities = [JobPriority.Foreground, JobPriority.Background, JobPriority.BestEffort];
    static readonly string[] StandardPools = ["cpu", "gpu"];

    readonly JobMetricsQueries queries;
    readonly ILogger<JobGauges> logger;

    public JobGauges(IMeterFactory meters, JobMetricsQueries queries, ILogger<JobGauges> logger)
    {
        this.queries = queries;
        this.logger = logger;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("conveyor.jobs", Jobs, unit: "{job}", description: "Jobs by public status and priority.");
        meter.CreateObservableGauge("conveyor.queue.depth", QueueDepth, unit: "{attempt}",
            description: "Attempts waiting in their pool's queue for an executor, by the priority their work was queued with.");
    }

    IEnumerable<Measurement<long>> Jobs()
    {
        if (Read(queries.CountByStatusAndPriority) is not { } counts)
            return [];
        return PublicStatus.All.SelectMany(status => Priorities.Select(priority => new Measurement<long>(
            counts.Where(c => c.Status == status && c.Priority == priority).Sum(c => c.Count),
            new("status", status), new("priority", JobPriorityNames.Of(priority)))));
    }

    IEnumerable<Measurement<long>> QueueDepth()
    {
        if (Read(queries.QueueDepth) is not { } depth)
            return [];
        var pools = depth.Select(d => d.Pool).Concat(StandardPools).Distinct().Order(StringComparer.Ordinal);
        return pools.SelectMany(pool => Priorities.Select(priority => new Measurement<long>(
            depth.Where(d => d.Pool == pool && d.Priority == priority).Sum(d => d.Count),
            new("pool", pool), new("priority", JobPriorityNames.Of(priority))))).ToList();
    }

    // The page still answers while the database is away; it then lacks these gauges, which is what an alert on absence sees.
    IReadOnlyList<T>? Read<T>(Func<IReadOnlyList<T>> query)
    {
        try
        {
            return query();
        }
        catch (Exception ex)
        {
            logger.LogWarning("Job gauges not read: {Reason}", ex.Message);
            return null;
        }
    }
}
