using MassTransit;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Consumers;

/// <summary>
/// Prefetch and concurrency equal the slots, so the executor never holds a message it cannot start: a prefetched
/// best_effort message would be a foreground job's wait. The endpoint itself is connected by <see cref="ExecuteJobEndpoint"/>.
/// </summary>
public sealed class ExecuteJobConsumerDefinition : ConsumerDefinition<ExecuteJobConsumer>
{
    readonly int slots;

    public ExecuteJobConsumerDefinition(IOptions<ExecutorOptions> options)
    {
        slots = options.Value.Slots;
        ConcurrentMessageLimit = slots;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<ExecuteJobConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PrefetchCount = slots;
        endpointConfigurator.ConcurrentMessageLimit = slots;
        ExecuteJobRetryPolicy.Apply(endpointConfigurator);
    }
}
