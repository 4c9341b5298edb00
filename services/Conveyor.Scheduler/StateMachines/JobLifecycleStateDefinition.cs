using Conveyor.Persistence.Jobs;
using MassTransit;

namespace Conveyor.Scheduler.StateMachines;

/// <summary>
/// The saga's endpoint, retried as <see cref="SagaRetry"/> says; the messages a transition causes go through the
/// transactional outbox of the saga repository, so they leave only after its transaction commits.
/// </summary>
public sealed class JobLifecycleStateDefinition : SagaDefinition<JobLifecycleState>
{
    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<JobLifecycleState> sagaConfigurator,
        IRegistrationContext context)
    {
        SagaRetry.Apply(endpointConfigurator);
    }
}
