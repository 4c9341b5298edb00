using MassTransit;

namespace Conveyor.Notifications.Consumers;

/// <summary>Redelivery requests on a queue of their own, so that they never wait behind a backlog of lifecycle events.</summary>
public sealed class RedeliverWebhookConsumerDefinition : ConsumerDefinition<RedeliverWebhookConsumer>
{
    public RedeliverWebhookConsumerDefinition() => EndpointName = "webhook-redeliveries";
}
