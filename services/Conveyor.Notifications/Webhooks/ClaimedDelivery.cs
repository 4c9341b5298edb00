using Conveyor.Persistence.Webhooks;

namespace Conveyor.Notifications.Webhooks;

/// <summary>A delivery this instance has leased, with the subscription it goes to.</summary>
public sealed record ClaimedDelivery(WebhookDelivery Delivery, WebhookSubscription Subscription);
