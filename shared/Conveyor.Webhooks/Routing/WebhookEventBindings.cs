using Conveyor.Messaging.Topology;

namespace Conveyor.Webhooks.Routing;

/// <summary>
/// Which job events the broker routes to notifications' <see cref="WebhookEventRoutes.QueueName"/>. Each event reached
/// notifications as one more delivery, deserialised and matched against no subscription at all when nobody subscribes:
/// three deliveries per job, a sixth of what RabbitMQ and a tenth of what our services spent on a job. The exchange in
/// front of the queue is declared here too (as MassTransit declares a durable endpoint's), so the API may bind before
/// notifications ever started.
/// </summary>
public sealed class WebhookEventBindings(ExchangeBindings bindings)
{
    /// <summary>Makes sure the named events reach notifications; nothing else changes.</summary>
    public Task Bind(IEnumerable<string> events, CancellationToken cancellationToken) =>
        bindings.Set(WebhookEventRoutes.QueueName, WebhookEventRoutes.ExchangesOf(events), [], cancellationToken, declareDestination: true);

    /// <summary>Makes the named events, and only those, reach notifications.</summary>
    public Task Follow(IEnumerable<string> events, CancellationToken cancellationToken) =>
        bindings.Set(WebhookEventRoutes.QueueName, WebhookEventRoutes.ExchangesOf(events), WebhookEventRoutes.AllExchanges, cancellationToken,
            declareDestination: true);
}
