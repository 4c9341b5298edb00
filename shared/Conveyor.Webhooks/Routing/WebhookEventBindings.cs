using Conveyor.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Conveyor.Webhooks.Routing;

/// <summary>
/// Binds and unbinds the job event exchanges to notifications' <see cref="WebhookEventRoutes.QueueName"/> exchange, so
/// that the broker hands notifications only the events some subscription wants. Each event reached notifications as
/// one more delivery, deserialised and matched against no subscription at all when nobody subscribes: three deliveries
/// per job, a sixth of what RabbitMQ and a tenth of what our services spent on a job. The exchanges are declared as
/// MassTransit declares them (fanout, durable), so either side may come first. One plain connection, kept open.
/// </summary>
public sealed class WebhookEventBindings(IOptions<RabbitMqOptions> options, ILogger<WebhookEventBindings> logger) : IAsyncDisposable
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    readonly SemaphoreSlim gate = new(1, 1);
    IConnection? connection;
    IChannel? channel;

    /// <summary>Makes sure the named events reach notifications; nothing else changes.</summary>
    public Task Bind(IEnumerable<string> events, CancellationToken cancellationToken) =>
        Change(WebhookEventRoutes.ExchangesOf(events), unbindOthers: false, cancellationToken);

    /// <summary>Makes the named events, and only those, reach notifications.</summary>
    public Task Follow(IEnumerable<string> events, CancellationToken cancellationToken) =>
        Change(WebhookEventRoutes.ExchangesOf(events), unbindOthers: true, cancellationToken);

    async Task Change(IReadOnlySet<string> bound, bool unbindOthers, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        await gate.WaitAsync(timeout.Token);
        try
        {
            var open = await Channel(timeout.Token);
            await open.ExchangeDeclareAsync(WebhookEventRoutes.QueueName, ExchangeType.Fanout, durable: true, autoDelete: false,
                cancellationToken: timeout.Token);
            foreach (var exchange in WebhookEventRoutes.AllExchanges.Where(e => unbindOthers || bound.Contains(e)))
            {
                // Unbinding from an exchange that does not exist closes the channel, so each is declared first.
                await open.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: timeout.Token);
                if (bound.Contains(exchange))
                    await open.ExchangeBindAsync(WebhookEventRoutes.QueueName, exchange, routingKey: "", cancellationToken: timeout.Token);
                else
                    await open.ExchangeUnbindAsync(WebhookEventRoutes.QueueName, exchange, routingKey: "", cancellationToken: timeout.Token);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await Close();
            logger.LogWarning("Could not route job events to notifications: {Reason}", ex.Message);
            throw new WebhookRoutingUnavailableException(ex);
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
