using Conveyor.Api.Http;
using Conveyor.Persistence.Webhooks;

namespace Conveyor.Api.Subscriptions;

/// <summary>Stored subscriptions and deliveries in the API's shape.</summary>
public static class WebhookViews
{
    public static SubscriptionView Of(WebhookSubscription subscription, bool withSecret = false) => new()
    {
        Id = subscription.Id,
        Url = subscription.Url,
        Events = subscription.Events,
        JobType = subscription.JobType,
        Priority = subscription.Priority is { } priority ? JobPriorityNames.Of(priority) : null,
        Owner = subscription.Owner,
        Secret = withSecret ? subscription.Secret : null,
        CreatedAt = subscription.CreatedAt.UtcDateTime,
    };

    public static DeliveryView Of(WebhookDelivery delivery) => new()
    {
        Id = delivery.Id,
        SubscriptionId = delivery.SubscriptionId,
        JobId = delivery.JobId,
        Event = delivery.Event,
        EventId = delivery.EventId,
        Status = delivery.Status,
        AttemptCount = delivery.AttemptCount,
        Attempts = delivery.Attempts.Select(a => new DeliveryAttemptView(a.Number, a.At.UtcDateTime, a.StatusCode, a.LatencyMs, a.Error)).ToList(),
        CreatedAt = delivery.CreatedAt.UtcDateTime,
        NextAttemptAt = delivery.Status == DeliveryStatus.Pending ? delivery.NextAttemptAt.UtcDateTime : null,
        CompletedAt = delivery.CompletedAt?.UtcDateTime,
        RedeliveryOf = delivery.RedeliveryOf,
    };
}
