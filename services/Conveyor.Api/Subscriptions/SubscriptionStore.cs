using System.Security.Cryptography;
using Conveyor.Persistence;
using Conveyor.Persistence.Webhooks;
using Conveyor.Webhooks.Routing;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Api.Subscriptions;

/// <summary>
/// The API is the only writer of subscriptions; notifications reads them when it records and sends deliveries, and is
/// the only writer of the delivery log (a redelivery is asked of it with <c>RedeliverWebhook</c>). Deleting a
/// subscription removes its log through the database's cascade.
/// A new subscription's events are bound to notifications' queue before it is stored (<see cref="WebhookEventBindings"/>),
/// so that the first job after the answer is heard; notifications unbinds what nobody wants any more.
/// </summary>
public sealed class SubscriptionStore(IDbContextFactory<ConveyorDbContext> contexts, WebhookEventBindings bindings)
{
    public async Task<WebhookSubscription> Create(SubscriptionRequest request, CancellationToken cancellationToken)
    {
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(),
            Url = request.Url,
            Events = [.. request.Events],
            JobType = request.JobType,
            Priority = request.Priority,
            Owner = request.Owner,
            Secret = request.Secret ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            CreatedAt = DateTimeOffset.UtcNow,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await WebhookRoutingLock.Take(db, cancellationToken);
        db.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        // Bound before the commit: the subscription exists only once its events are routed (see WebhookRoutingLock).
        await bindings.Bind(subscription.Events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return subscription;
    }

    /// <summary>
    /// Deletes the subscription with its delivery log; pending deliveries are never sent. False when it was not there, or
    /// (with <paramref name="ownerScope"/>) when it is not a subscription to that owner's jobs.
    /// </summary>
    public async Task<bool> Delete(Guid id, string? ownerScope, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<WebhookSubscription>().Where(s => s.Id == id && (ownerScope == null || s.Owner == ownerScope))
            .ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
