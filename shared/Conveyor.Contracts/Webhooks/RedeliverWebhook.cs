namespace Conveyor.Contracts.Webhooks;

/// <summary>
/// Asks notifications, the only writer of the delivery log, to send a finished delivery again as a new entry with the id
/// <paramref name="NewDeliveryId"/> (chosen by the asker, so a repeated request adds one entry, not two). Answered by
/// <see cref="WebhookRedeliveryQueued"/> or <see cref="WebhookRedeliveryRefused"/>.
/// </summary>
public sealed record RedeliverWebhook(Guid SubscriptionId, Guid DeliveryId, Guid NewDeliveryId);
