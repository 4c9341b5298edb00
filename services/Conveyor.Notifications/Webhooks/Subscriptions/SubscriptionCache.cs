using Conveyor.Persistence;
using Conveyor.Persistence.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Notifications.Webhooks.Subscriptions;

/// <summary>
/// The webhook subscriptions, read from the table once and then held in memory for as long as
/// <see cref="SubscriptionChangeListener"/> hears every change to them. Every lifecycle event looks its subscriptions up,
/// and the table changes only when someone adds or removes one, so a read per event was wasted work for the common case
/// of no change. While nobody listens (at start, or after the listening connection broke) nothing is kept and every
/// lookup reads the table, as before.
/// </summary>
public sealed class SubscriptionCache(IDbContextFactory<ConveyorDbContext> contexts)
{
    readonly Lock gate = new();
    IReadOnlyList<WebhookSubscription>? all;
    long generation;
    bool listening;

    /// <summary>The subscriptions that name the event; their other filters are the caller's to apply.</summary>
    public async Task<IReadOnlyList<WebhookSubscription>> Wanting(string @event, CancellationToken cancellationToken)
    {
        var subscriptions = Volatile.Read(ref all) ?? await Load(cancellationToken);
        return [.. subscriptions.Where(s => s.Events.Contains(@event))];
    }

    /// <summary>The listener listens now (<c>true</c>), or no longer does: either way, what was kept may be stale.</summary>
    public void Listening(bool on)
    {
        lock (gate)
        {
            listening = on;
            Forget();
        }
    }

    /// <summary>The table changed.</summary>
    public void Changed()
    {
        lock (gate)
            Forget();
    }

    void Forget()
    {
        generation++;
        all = null;
    }

    async Task<IReadOnlyList<WebhookSubscription>> Load(CancellationToken cancellationToken)
    {
        long before;
        lock (gate)
            before = generation;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var loaded = await db.Set<WebhookSubscription>().AsNoTracking().ToListAsync(cancellationToken);
        lock (gate)
        {
            // Kept only if the listener was listening before the read began and heard no change since: a change heard
            // while the read ran may or may not be in what it returned.
            if (listening && generation == before)
                all = loaded;
        }
        return loaded;
    }
}
