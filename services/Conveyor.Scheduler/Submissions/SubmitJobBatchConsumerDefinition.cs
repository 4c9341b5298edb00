using Conveyor.Scheduler.StateMachines;
using MassTransit;

namespace Conveyor.Scheduler.Submissions;

/// <summary>A batch runs the saga's own transitions, so it is retried as the saga's messages are.</summary>
public sealed class SubmitJobBatchConsumerDefinition : ConsumerDefinition<SubmitJobBatchConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<SubmitJobBatchConsumer> consumerConfigurator, IRegistrationContext context) =>
        SagaRetry.Apply(endpointConfigurator);
}
