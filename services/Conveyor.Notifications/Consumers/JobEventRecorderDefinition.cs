using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using MassTransit;

namespace Conveyor.Notifications.Consumers;

/// <summary>
/// One queue for all the lifecycle events. Events of one job are recorded one at a time, in the order they arrive
/// (a partition per job id), so their deliveries are stored in that order; different jobs are recorded in parallel.
/// </summary>
public sealed class JobEventRecorderDefinition : ConsumerDefinition<JobEventRecorder>
{
    public const string QueueName = "webhook-events";

    public JobEventRecorderDefinition() => EndpointName = QueueName;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<JobEventRecorder> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(100, 500, 1000, 2000, 5000));
        var partition = endpointConfigurator.CreatePartitioner(16);
        endpointConfigurator.UsePartitioner<JobSubmitted>(partition, c => c.Message.JobId);
        endpointConfigurator.UsePartitioner<AttemptStarted>(partition, c => c.Message.JobId);
        endpointConfigurator.UsePartitioner<JobRetryScheduled>(partition, c => c.Message.JobId);
        endpointConfigurator.UsePartitioner<JobCompleted>(partition, c => c.Message.JobId);
        endpointConfigurator.UsePartitioner<JobFailed>(partition, c => c.Message.JobId);
        endpointConfigurator.UsePartitioner<JobCancelled>(partition, c => c.Message.JobId);
    }
}
