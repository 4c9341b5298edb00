using MassTransit;

namespace Conveyor.Messaging;

/// <summary>
/// Publishes that give up after a while. A publish waits for the broker's confirm, and a confirm on a connection that
/// died with a broker restart never comes: without a bound, the loop that published would hang for good.
/// </summary>
public static class BoundedPublish
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static async Task PublishWithin<T>(this IPublishEndpoint endpoint, T message, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        await endpoint.Publish(message, bounded.Token);
    }

    /// <summary>Publishes until the broker confirms, retrying every second, for messages that must not be lost (an attempt's outcome).</summary>
    public static async Task PublishUntilConfirmed(this IPublishEndpoint endpoint, object message, TimeSpan giveUpAfter)
    {
        var deadline = DateTimeOffset.UtcNow + giveUpAfter;
        while (true)
        {
            try
            {
                using var bounded = new CancellationTokenSource(DefaultTimeout);
                await endpoint.Publish(message, message.GetType(), bounded.Token);
                return;
            }
            catch (Exception) when (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }
}
