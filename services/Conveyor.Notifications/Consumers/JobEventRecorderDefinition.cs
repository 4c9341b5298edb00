using Conveyor.Webhooks.Routing;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Conveyor.Notifications.Consumers;

/// <summary>
/// One queue for all the lifecycle events, recorded one at a time in the order the broker delivers them. The scheduler
/// publishes a job's events in order (its outbox sends them one after another), so this keeps each job's deliveries in
/// that order. A partition per job id did not: two events of a fast job arrive a millisecond apart, and the second could
/// reach the partition before the first had left deserialization, so `completed` was stored before `started`.
/// Recording is a few short statements, so one at a time keeps up with several hundred events a second.
/// While notifications caches the subscriptions it also owns which events the broker routes to this queue
/// (<see cref="Webhooks.Subscriptions.SubscribedEventRouting"/>), so MassTransit is told not to bind them all.
/// </summary>
public sealed class JobEventRecorderDefinition : ConsumerDefinition<JobEventRecorder>
{
    readonly bool routedBySubscriptions;

    public JobEventRecorderDefinition(IOptions<NotificationsOptions> options)
    {
        EndpointName = WebhookEventRoutes.QueueName;
        ConcurrentMessageLimit = 1;
        routedBySubscriptions = options.Value.CacheSubscriptions;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<JobEventRecorder> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.ConcurrentMessageLimit = 1;
        if (routedBySubscriptions)
            endpointConfigurator.ConfigureConsumeTopology = false;
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(100, 500, 1000, 2000, 5000));
    }
}
