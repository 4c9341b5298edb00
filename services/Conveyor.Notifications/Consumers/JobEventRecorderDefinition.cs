using MassTransit;

namespace Conveyor.Notifications.Consumers;

/// <summary>
/// One queue for all the lifecycle events, recorded one at a time in the order the broker delivers them. The scheduler
/// publishes a job's events in order (its outbox sends them one after another), so this keeps each job's deliveries in
/// that order. A partition per job id did not: two events of a fast job arrive a millisecond apart, and the second could
/// reach the partition before the first had left deserialization, so `completed` was stored before `started`.
/// Recording is a few short statements, so one at a time keeps up with several hundred events a second.
/// </summary>
public sealed class JobEventRecorderDefinition : ConsumerDefinition<JobEventRecorder>
{
    public const string QueueName = "webhook-events";

    public JobEventRecorderDefinition()
    {
        EndpointName = QueueName;
        ConcurrentMessageLimit = 1;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<JobEventRecorder> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.ConcurrentMessageLimit = 1;
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(100, 500, 1000, 2000, 5000));
    }
}
