using Conveyor.Messaging.Recovery;
using MassTransit;

namespace Conveyor.Messaging;

/// <summary>
/// Publishes that give up after a while. A publish waits for the broker's confirm, and a confirm on a connection that
/// died with a broker restart may never come (RabbitMQ.Client's "BasicPublishAsync hangs after RabbitMQ server restart",
/// still open on 7.2.2): without a bound, the loop that published would hang for good. The bound abandons the wait, not
/// the publish: a publish left behind stays in <see cref="PendingPublishes"/>, where the watchdog sees a channel that
/// stopped confirming and restarts the service. It finishes or faults on its own; a retry of it carries the same
/// message id or is harmless twice.
/// </summary>
public static class BoundedPublish
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static async Task PublishWithin<T>(this IPublishEndpoint endpoint, T message, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class
    {
        await PendingPublishes.Track(endpoint.Publish(message, CancellationToken.None)).WaitAsync(timeout, cancellationToken);
    }

    /// <summary>Publishes until the broker confirms, retrying every second, for messages that must not be lost (an attempt's outcome).</summary>
    public static async Task PublishUntilConfirmed(this IPublishEndpoint endpoint, object message, TimeSpan giveUpAfter)
    {
        var deadline = DateTimeOffset.UtcNow + giveUpAfter;
        while (true)
        {
            try
            {
                await PendingPublishes.Track(endpoint.Publish(message, message.GetType(), CancellationToken.None)).WaitAsync(DefaultTimeout);
                return;
            }
            catch (Exception) when (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }
}
