using Conveyor.Contracts.Webhooks;
using Conveyor.Persistence;
using Conveyor.Persistence.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Notifications.Webhooks;

/// <summary>
/// Sends a finished delivery again: a new pending row that points at the original (the log keeps the old one), with
/// the id the request chose, so a request delivered twice stores one copy.
/// </summary>
public sealed class Redeliveries(IDbContextFactory<ConveyorDbContext> contexts, DeliverySignal signal)
{
    /// <returns>Null when the copy is stored; otherwise why it was not.</returns>
    public async Task<WebhookRedeliveryRefused?> Queue(RedeliverWebhook request, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var original = await db.Set<WebhookDelivery>().AsNoTracking()
            .SingleOrDefaultAsync(d => d.Id == request.DeliveryId && d.SubscriptionId == request.SubscriptionId, cancellationToken);
        if (original is null)
            return new WebhookRedeliveryRefused(request.SubscriptionId, request.DeliveryId, NotFound: true, "delivery not found");
        if (original.Status == DeliveryStatus.Pending)
            return new WebhookRedeliveryRefused(request.SubscriptionId, request.DeliveryId, NotFound: false,
                "the delivery is still being tried");

        var now = DateTimeOffset.UtcNow;
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO webhook_deliveries (id, subscription_id, job_id, event_id, event, payload, status, created_at, next_attempt_at, redelivery_of)
            VALUES ({request.NewDeliveryId}, {original.SubscriptionId}, {original.JobId}, {original.EventId}, {original.Event},
                    {original.Payload}, {DeliveryStatus.Pending}, {now}, {now}, {original.Id})
            ON CONFLICT (id) DO NOTHING
            """, cancellationToken);
        signal.Wake();
        return null;
    }
}
