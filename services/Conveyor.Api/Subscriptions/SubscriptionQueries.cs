using Conveyor.Persistence;
using Conveyor.Persistence.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Api.Subscriptions;

/// <summary>Read-only views of subscriptions and their delivery logs.</summary>
public sealed class SubscriptionQueries(IDbContextFactory<ConveyorDbContext> contexts)
{
    /// <param name="ownerScope">When set, only the subscriptions to that owner's jobs (a client key's own).</param>
    public async Task<IReadOnlyList<WebhookSubscription>> List(string? ownerScope, int limit, int offset, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<WebhookSubscription>().AsNoTracking()
            .Where(s => ownerScope == null || s.Owner == ownerScope)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .Skip(offset).Take(limit).ToListAsync(cancellationToken);
    }

    public async Task<WebhookSubscription?> Get(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<WebhookSubscription>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
    }

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<WebhookDelivery>> Deliveries(Guid subscriptionId, string? status, int limit, int offset, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var deliveries = db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.SubscriptionId == subscriptionId);
        if (status is not null)
            deliveries = deliveries.Where(d => d.Status == status);
        return await deliveries.OrderByDescending(d => d.Sequence).Skip(offset).Take(limit).ToListAsync(cancellationToken);
    }

    public async Task<WebhookDelivery?> Delivery(Guid subscriptionId, Guid deliveryId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<WebhookDelivery>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == subscriptionId, cancellationToken);
    }
}
