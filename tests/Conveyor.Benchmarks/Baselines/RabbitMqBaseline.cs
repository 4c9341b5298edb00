using System.Diagnostics;
using System.Threading.Channels;
using Conveyor.Benchmarks.Measurement;
using Conveyor.TestSupport;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Conveyor.Benchmarks.Baselines;

/// <summary>
/// What the broker alone does on this machine, with the plain client and no MassTransit: persistent messages to a durable
/// queue, each publish awaiting its confirm before the channel sends the next (what a MassTransit publish with
/// confirmation does), from as many channels as Conveyor's benchmark has clients. On a cluster the queue is a quorum
/// queue, as the services' durable queues are there.
/// </summary>
public sealed class RabbitMqBaseline(TestBroker broker, string virtualHost)
{
    const string Queue = "baseline-confirmed-publishes";
    static readonly ReadOnlyMemory<byte> Payload = new byte[1024];

    public async Task<Throughput> ConfirmedPublishes(int channels, TimeSpan duration)
    {
        await using var connection = await Connect();
        await using (var setup = await connection.CreateChannelAsync())
            await setup.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false,
                arguments: broker.IsCluster ? new Dictionary<string, object?> { ["x-queue-type"] = "quorum" } : null);

        var publishers = new List<IChannel>();
        for (var i = 0; i < channels; i++)
            publishers.Add(await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)));
        var properties = new BasicProperties { Persistent = true };
        var result = await LoadRunner.Run(channels, duration, long.MaxValue, Publisher(publishers, properties));

        await using (var cleanup = await connection.CreateChannelAsync())
            await cleanup.QueueDeleteAsync(Queue);
        foreach (var publisher in publishers)
            await publisher.DisposeAsync();
        return result;
    }

    /// <summary>Publish (persistent, confirmed) to delivery at a consumer, one message at a time on an idle broker.</summary>
    public async Task<Latencies> PublishToDelivery(int samples)
    {
        await using var connection = await Connect();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        var delivered = Channel.CreateUnbounded<long>();
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, _) => delivered.Writer.WriteAsync(Stopwatch.GetTimestamp()).AsTask();
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);

        var properties = new BasicProperties { Persistent = true };
        var latencies = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            await channel.BasicPublishAsync("", queue, mandatory: false, properties, Payload);
            var arrived = await delivered.Reader.ReadAsync();
            latencies.Add(Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds);
        }
        return Latencies.Of(latencies);
    }

    // Each client has its own channel, so that a channel never has two publishes in flight.
    static Func<int, Task<int>> Publisher(List<IChannel> publishers, BasicProperties properties) => async client =>
    {
        await publishers[client].BasicPublishAsync("", Queue, mandatory: false, properties, Payload);
        return 1;
    };

    Task<IConnection> Connect() => new ConnectionFactory
    {
        HostName = broker.FirstNode.Host,
        Port = broker.FirstNode.Port,
        VirtualHost = virtualHost,
        UserName = TestInfrastructure.RabbitUser,
        Password = TestInfrastructure.RabbitPassword,
    }.CreateConnectionAsync();
}
