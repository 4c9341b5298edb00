using Conveyor.Persistence.Jobs;
using MassTransit;

namespace Conveyor.Scheduler.StateMachines;

/// <summary>
/// The saga's endpoint. Lock conflicts and transient database errors are retried, for about a minute in all, so that a
/// database restart delays messages instead of sending them to the error queue; the messages a transition causes go
/// through the transactional outbox of the saga repository, so they leave only after its transaction commits.
/// </summary>
public sealed class JobLifecycleStateDefinition : SagaDefinition<JobLifecycleState>
{
    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<JobLifecycleState> sagaConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(50, 200, 500, 1000, 2000, 5000, 10000, 15000, 30000));
    }
}
