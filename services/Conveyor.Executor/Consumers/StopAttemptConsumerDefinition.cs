using MassTransit;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Consumers;

/// <summary>Every executor hears every stop (it cannot know in advance which attempt it will hold), on its own temporary queue.</summary>
public sealed class StopAttemptConsumerDefinition : ConsumerDefinition<StopAttemptConsumer>
{
    public StopAttemptConsumerDefinition(IOptions<ExecutorOptions> options)
    {
        Endpoint(endpoint =>
        {
            endpoint.InstanceId = options.Value.ExecutorId;
            endpoint.Temporary = true;
        });
    }
}
