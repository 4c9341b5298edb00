using MassTransit;

namespace Conveyor.Api.Streams;

/// <summary>
/// Each API instance listens on a queue of its own, non-durable and auto-delete, bound to every job event exchange:
/// several instances behind a load balancer each see every event, and an instance that goes away leaves no queue behind.
/// Messages are handled one at a time, so that clients see a job's events in the order they arrived.
/// </summary>
public sealed class LiveEventRelayDefinition : ConsumerDefinition<LiveEventRelay>
{
    public const string QueuePrefix = "api-live-events-";

    public LiveEventRelayDefinition()
    {
        EndpointName = QueuePrefix + Guid.NewGuid().ToString("N")[..12];
        ConcurrentMessageLimit = 1;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<LiveEventRelay> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = 64;
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.Durable = false;
            rabbit.AutoDelete = true;
        }
    }
}
