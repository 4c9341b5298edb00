using Conveyor.Persistence;
using Conveyor.Webhooks.Routing;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Notifications.Webhooks.Subscriptions;

/// <summary>
/// Makes the broker bind to notifications' queue the job events that some subscription names, and only those, read from
/// the table under <see cref="WebhookRoutingLock"/>. Run when <see cref="SubscriptionChangeListener"/> starts listening
/// and after every change it hears. The API binds a new subscription's events itself before it answers, so this only
/// ever takes away what nobody wants any more, or puts back what the broker lost.
/// </summary>
public sealed class SubscribedEventRouting(IDbContextFactory<ConveyorDbContext> contexts, WebhookEventBindings bindings, ILogger<SubscribedEventRouting> logger)
{
    public async Task Follow(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await WebhookRoutingLock.Take(db, cancellationToken);
        var wanted = await db.Database.SqlQueryRaw<string>("SELECT DISTINCT unnest(events) AS \"Value\" FROM webhook_subscriptions")
            .ToListAsync(cancellationToken);
        await bindings.Follow(wanted, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Job events routed to notifications: {Events}", wanted.Count == 0 ? "none" : string.Join(", ", wanted.Order()));
    }
}
