using Conveyor.Persistence.Jobs;
using MassTransit;

namespace Conveyor.Scheduler.StateMachines;

/// <summary>
/// The saga's endpoint: messages it causes (dispatch, replies, events) leave only after its transaction commits,
/// so a client never hears "accepted" for a job that was rolled back; lock conflicts and transient database errors are retried.
/// </summary>
public sealed class JobLifecycleStateDefinition : SagaDefinition<JobLifecycleState>
{
    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<JobLifecycleState> sagaConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(50, 200, 500, 1000, 2000, 5000));
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
