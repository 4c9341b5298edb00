using Conveyor.Messaging.Topology;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Consumers;

/// <summary>
/// The pool's priority queue, connected after the bus has started rather than with the other endpoints, so that shutdown
/// can stop this one alone: the executor stops taking work while its running attempts still report over the bus.
/// </summary>
public sealed class ExecuteJobEndpoint(IReceiveEndpointConnector connector, IOptions<ExecutorOptions> options)
{
    HostReceiveEndpointHandle? handle;

    public async Task Connect(CancellationToken cancellationToken)
    {
        handle = connector.ConnectReceiveEndpoint(ExecutionQueues.QueueName(options.Value.Pool), (context, endpoint) =>
        {
            endpoint.ConfigureConsumeTopology = false;
            if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                rabbit.EnablePriority(ExecutionQueues.MaxPriority);
            endpoint.ConfigureConsumer<ExecuteJobConsumer>(context);
        });
        await handle.Ready.WaitAsync(cancellationToken);
    }

    /// <summary>Stops deliveries at once; completes when every consumer in flight has returned.</summary>
    public Task Stop(CancellationToken cancellationToken) => handle?.StopAsync(cancellationToken) ?? Task.CompletedTask;
}
