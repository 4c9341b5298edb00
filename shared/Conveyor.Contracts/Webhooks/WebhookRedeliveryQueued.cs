namespace Conveyor.Contracts.Webhooks;

/// <summary>The new delivery is stored and pending; the dispatcher sends it next.</summary>
public sealed record WebhookRedeliveryQueued(Guid SubscriptionId, Guid NewDeliveryId);
