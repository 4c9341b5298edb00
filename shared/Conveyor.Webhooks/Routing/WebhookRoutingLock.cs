using Microsoft.EntityFrameworkCore;

namespace Conveyor.Webhooks.Routing;

/// <summary>
/// A PostgreSQL advisory lock, held to the end of the caller's transaction, that orders the API's "store a subscription,
/// bind its events" against notifications' "read what is wanted, unbind the rest". Without it, notifications could read
/// the subscriptions just before a new one commits and unbind an event just after the API bound it for that subscription.
/// </summary>
public static class WebhookRoutingLock
{
    // Any fixed number unique among Conveyor's advisory locks: "webhook" in ASCII, read as a big-endian integer.
    const string Sql = "SELECT pg_advisory_xact_lock(33606995561901931)";

    public static Task Take(DbContext db, CancellationToken cancellationToken) => db.Database.ExecuteSqlRawAsync(Sql, cancellationToken);
}
