using Conveyor.Messaging.Topology;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Consumers;

/// <summary>
/// Binds the consumer to its pool's priority queue. Prefetch and concurrency equal the free slots, so the executor never
/// holds a message it cannot start: a prefetched best_effort message would be a foreground job's wait.
/// </summary>
public sealed class ExecuteJobConsumerDefinition : ConsumerDefinition<ExecuteJobConsumer>
{
    readonly int slots;

    public ExecuteJobConsumerDefinition(IOptions<ExecutorOptions> options)
    {
        slots = options.Value.Slots;
        EndpointName = ExecutionQueues.QueueName(options.Value.Pool);
        ConcurrentMessageLimit = slots;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<ExecuteJobConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = slots;
        endpointConfigurator.ConfigureConsumeTopology = false;
        ExecuteJobRetryPolicy.Apply(endpointConfigurator);
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
            rabbit.EnablePriority(ExecutionQueues.MaxPriority);
    }
}
