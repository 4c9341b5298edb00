using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Conveyor.Messaging.Topology;

/// <summary>
/// Declares every pool's execution exchange and priority queue at start, with exactly the arguments the executors'
/// receive endpoints declare. Without this, work sent before any executor of a pool has started would reach an
/// exchange with no queue bound and be dropped.
/// </summary>
internal sealed class ExecutionQueueDeclarer(IOptions<RabbitMqOptions> options, ILogger<ExecutionQueueDeclarer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await Declare(options.Value, cancellationToken);
                return;
            }
            catch (Exception ex) when (DateTimeOffset.UtcNow < deadline && ex is not OperationCanceledException)
            {
                logger.LogWarning("Broker not ready to declare execution queues: {Reason}", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    static async Task Declare(RabbitMqOptions options, CancellationToken cancellationToken)
    {
        await using var connection = await RabbitMqConnections.Connect(options, cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        foreach (var pool in ExecutionQueues.Pools)
        {
            var name = ExecutionQueues.QueueName(pool);
            await channel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            await channel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-max-priority"] = (int)ExecutionQueues.MaxPriority },
                cancellationToken: cancellationToken);
            await channel.QueueBindAsync(name, name, routingKey: "", cancellationToken: cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
