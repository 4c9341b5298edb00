using System.Diagnostics.Metrics;

namespace Conveyor.Scheduler.StateMachines;

/// <summary>
/// The scheduler's own instruments, on the <c>Conveyor.Scheduler</c> meter. Static, like MassTransit's own meter: the
/// state machine that records is built before the service provider it could take a meter factory from.
/// </summary>
public static class SchedulerMetrics
{
    public const string MeterName = "Conveyor.Scheduler";

    static readonly Meter Meter = new(MeterName);

    /// <summary>Seconds from a job's submission to the start of its first attempt; buckets from 1 ms to 5 min.</summary>
    public static readonly Histogram<double> DispatchDuration = Meter.CreateHistogram("conveyor.job.dispatch.duration", unit: "s",
        description: "Time from a job's submission to the start of its first attempt.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });
}
