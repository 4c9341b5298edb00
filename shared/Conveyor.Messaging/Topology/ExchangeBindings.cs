using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Conveyor.Messaging.Topology;

/// <summary>
/// Binds and unbinds message-type exchanges to a receive endpoint's exchange while the services run, for the queues
/// that should hear a kind of event only while someone wants it. The source exchanges are declared as MassTransit
/// declares a message type's exchange (fanout, durable), since unbinding from one that does not exist closes the
/// channel. The destination must exist already (its endpoint declared it), unless it is a durable endpoint's exchange
/// that the caller asks to declare. One plain connection, kept open and
/// reopened after a failure; calls run one at a time.
/// </summary>
public sealed class ExchangeBindings(IOptions<RabbitMqOptions> options, ILogger<ExchangeBindings> logger) : IAsyncDisposable
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    readonly SemaphoreSlim gate = new(1, 1);
    IConnection? connection;
    IChannel? channel;

    /// <summary>
    /// Routes each of <paramref name="bound"/> into <paramref name="destination"/>, and stops routing the rest of
    /// <paramref name="considered"/>. Throws <see cref="RoutingUnavailableException"/> when the broker cannot be told.
    /// </summary>
    /// <param name="declareDestination">Declare the destination as a durable endpoint's exchange (fanout, durable).</param>
    public async Task Set(string destination, IReadOnlySet<string> bound, IEnumerable<string> considered, CancellationToken cancellationToken,
        bool declareDestination = false)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        await gate.WaitAsync(timeout.Token);
        try
        {
            var open = await Channel(timeout.Token);
            if (declareDestination)
                await open.ExchangeDeclareAsync(destination, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: timeout.Token);
            foreach (var source in considered.Union(bound))
            {
                await open.ExchangeDeclareAsync(source, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: timeout.Token);
                if (bound.Contains(source))
                    await open.ExchangeBindAsync(destination, source, routingKey: "", cancellationToken: timeout.Token);
                else
                    await open.ExchangeUnbindAsync(destination, source, routingKey: "", cancellationToken: timeout.Token);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await Close();
            logger.LogWarning("Could not change what is routed to {Destination}: {Reason}", destination, ex.Message);
            throw new RoutingUnavailableException(destination, ex);
        }
        finally
        {
            gate.Release();
        }
    }

    async Task<IChannel> Channel(CancellationToken cancellationToken)
    {
        if (channel is { IsOpen: true })
            return channel;
        await Close();
        connection = await RabbitMqConnections.Connect(options.Value, cancellationToken);
        channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        return channel;
    }

    async Task Close()
    {
        if (channel is not null)
            await channel.DisposeAsync();
        if (connection is not null)
            await connection.DisposeAsync();
        channel = null;
        connection = null;
    }

    public async ValueTask DisposeAsync()
    {
        await Close();
        gate.Dispose();
    }
}
