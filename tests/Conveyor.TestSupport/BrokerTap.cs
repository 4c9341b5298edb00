using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Conveyor.TestSupport;

/// <summary>
/// Listens to the events of one message type in a stack's virtual host, as any subscriber would: a temporary queue bound
/// to the type's exchange. Holds each message's body (MassTransit's envelope; the event itself is under <c>message</c>).
/// </summary>
public sealed class BrokerTap : IAsyncDisposable
{
    readonly IConnection connection;
    readonly IChannel channel;
    readonly ConcurrentQueue<JsonNode> messages = new();

    BrokerTap(IConnection connection, IChannel channel)
    {
        this.connection = connection;
        this.channel = channel;
    }

    public IReadOnlyList<JsonNode> Messages => [.. messages];

    /// <summary>Taps <paramref name="exchange"/>, MassTransit's name for a message type (<c>Namespace:Type</c>).</summary>
    public static async Task<BrokerTap> Listen(IsolatedVirtualHost virtualHost, string exchange)
    {
        var factory = new ConnectionFactory
        {
            HostName = TestInfrastructure.RabbitHost,
            VirtualHost = virtualHost.Name,
            UserName = TestInfrastructure.RabbitUser,
            Password = TestInfrastructure.RabbitPassword,
        };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var tap = new BrokerTap(connection, channel);
        // The same declaration MassTransit makes for a published type, so whichever comes first, both agree.
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, exchange, "");
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            if (JsonNode.Parse(delivery.Body.Span) is { } body)
                tap.messages.Enqueue(body);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return tap;
    }

    public async ValueTask DisposeAsync()
    {
        await channel.DisposeAsync();
        await connection.DisposeAsync();
    }
}
