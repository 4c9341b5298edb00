using System.Diagnostics.Metrics;

namespace Conveyor.Persistence.Sagas;

/// <summary>
/// Transitions run by <see cref="SagaBatch{TSaga}"/>: MassTransit's own saga counter sees only the messages that went
/// through its saga pipeline one at a time, so the batched ones are counted here, on the <c>Conveyor.Sagas</c> meter;
/// and the size of the groups <see cref="SagaGroupCommit{TSaga}"/> commits (those messages MassTransit counts itself).
/// </summary>
public static class SagaBatchMetrics
{
    public const string MeterName = "Conveyor.Sagas";

    static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Transitions = Meter.CreateCounter<long>("conveyor.saga.batch.transitions",
        description: "Saga transitions run as items of a batch message.");

    /// <summary>How many messages each committed <see cref="SagaGroupCommit{TSaga}"/> transaction carried.</summary>
    public static readonly Histogram<int> GroupSize = Meter.CreateHistogram<int>("conveyor.saga.group.size",
        unit: "{message}", description: "Saga messages whose transitions committed in one transaction together.");
}
