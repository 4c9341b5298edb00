namespace Conveyor.Contracts.Webhooks;

/// <summary>Nothing was stored: the delivery does not exist (<paramref name="NotFound"/>) or is still being tried.</summary>
public sealed record WebhookRedeliveryRefused(Guid SubscriptionId, Guid DeliveryId, bool NotFound, string Reason);
