using MassTransit;

namespace Conveyor.Scheduler.StateMachines;

/// <summary>
/// How the saga's messages are retried: lock conflicts and transient database errors, for about a minute in all, so that
/// a database restart delays messages instead of sending them to the error queue.
/// </summary>
public static class SagaRetry
{
    public static void Apply(IReceiveEndpointConfigurator endpoint) =>
        endpoint.UseMessageRetry(retry => retry.Intervals(50, 200, 500, 1000, 2000, 5000, 10000, 15000, 30000));
}
