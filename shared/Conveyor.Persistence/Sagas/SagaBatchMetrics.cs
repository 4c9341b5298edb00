using System.Diagnostics.Metrics;

namespace Conveyor.Persistence.Sagas;

/// <summary>
/// Transitions run by <see cref="SagaBatch{TSaga}"/>: MassTransit's own saga counter sees only the messages that went
/// through its saga pipeline one at a time, so the batched ones are counted here, on the <c>Conveyor.Sagas</c> meter.
/// </summary>
public static class SagaBatchMetrics
{
    public const string MeterName = "Conveyor.Sagas";

    static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Transitions = Meter.CreateCounter<long>("conveyor.saga.batch.transitions",
        description: "Saga transitions run as items of a batch message.");
}
