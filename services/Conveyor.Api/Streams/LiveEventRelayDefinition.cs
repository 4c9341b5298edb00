using Conveyor.Contracts.Jobs;
using MassTransit;

namespace Conveyor.Api.Streams;

/// <summary>
/// Each API instance listens on a queue of its own, non-durable and auto-delete: several instances behind a load
/// balancer each see every event, and an instance that goes away leaves no queue behind. Log lines are always routed to
/// it (a client that subscribes mid-run gets the lines printed so far); the status events only while this instance
/// has a stream open (<see cref="LiveEventRouting"/>). Messages are handled one at a time, so that clients see a job's
/// events in the order they arrived.
/// </summary>
public sealed class LiveEventRelayDefinition : ConsumerDefinition<LiveEventRelay>
{
    public LiveEventRelayDefinition(LiveEventQueue queue)
    {
        EndpointName = queue.Name;
        ConcurrentMessageLimit = 1;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<LiveEventRelay> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = 64;
        endpointConfigurator.ConfigureConsumeTopology = false;
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.Durable = false;
            rabbit.AutoDelete = true;
            rabbit.Bind<JobLogAppended>();
        }
    }
}
