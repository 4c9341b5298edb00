using Conveyor.Persistence;
using Conveyor.Persistence.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Conveyor.Notifications.Webhooks;

/// <summary>
/// Leases the deliveries that may be sent now. A delivery may go when it is due, nobody holds its lease, no earlier
/// delivery of the same job to the same subscription is still pending (order per job), and its subscription has fewer
/// than <see cref="NotificationsOptions.MaxConcurrentPerSubscription"/> requests in flight (so a slow receiver only ever
/// holds its own lane). Rows are locked with SKIP LOCKED, so several notifications instances share the work.
/// </summary>
public sealed class DeliveryClaims(IDbContextFactory<ConveyorDbContext> contexts, IOptions<NotificationsOptions> options)
{
    /// <summary>A lease outlives the request it covers; if its holder dies, the delivery is taken over once it expires.</summary>
    static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<ClaimedDelivery>> Claim(int room, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = DateTimeOffset.UtcNow;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await AnyDue(db, now, cancellationToken))
            return [];
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.Set<WebhookDelivery>().FromSqlInterpolated($"""
            WITH busy AS (
                SELECT subscription_id, count(*) AS in_flight
                FROM webhook_deliveries
                WHERE status = 'pending' AND leased_until > {now}
                GROUP BY subscription_id
            ), eligible AS (
                SELECT d.id, coalesce(b.in_flight, 0) AS in_flight,
                       row_number() OVER (PARTITION BY d.subscription_id ORDER BY d.sequence) AS lane_rank
                FROM webhook_deliveries d
                LEFT JOIN busy b ON b.subscription_id = d.subscription_id
                WHERE d.status = 'pending' AND d.next_attempt_at <= {now}
                  AND (d.leased_until IS NULL OR d.leased_until <= {now})
                  AND NOT EXISTS (
                      SELECT 1 FROM webhook_deliveries e
                      WHERE e.subscription_id = d.subscription_id AND e.job_id = d.job_id
                        AND e.status = 'pending' AND e.sequence < d.sequence)
            )
            SELECT d.* FROM webhook_deliveries d
            JOIN eligible e ON e.id = d.id
            WHERE e.lane_rank <= {settings.MaxConcurrentPerSubscription} - e.in_flight
            ORDER BY d.sequence
            LIMIT {room}
            FOR UPDATE OF d SKIP LOCKED
            """).ToListAsync(cancellationToken);
        if (due.Count == 0)
            return [];

        var leasedUntil = now + settings.RequestTimeout + LeaseMargin;
        foreach (var delivery in due)
            delivery.LeasedUntil = leasedUntil;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var ids = due.Select(d => d.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.Set<WebhookSubscription>().AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        return due.Where(d => subscriptions.ContainsKey(d.SubscriptionId)).Select(d => new ClaimedDelivery(d, subscriptions[d.SubscriptionId])).ToList();
    }

    /// <summary>
    /// Whether any delivery is pending, due and unleased: what every claim requires. Asked every second, and at rest the
    /// answer is no; as plain SQL (the partial index on pending deliveries answers it), an idle service never runs the
    /// claim's EF query, whose pipeline it otherwise kept compiling again at tier 1 (notifications idled at 144-145 MB a
    /// few seconds after start and 150-151 MB a minute later).
    /// </summary>
    static async Task<bool> AnyDue(ConveyorDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(AnyDueSql, (NpgsqlConnection)db.Database.GetDbConnection())
        {
            Parameters = { new NpgsqlParameter { Value = now } },
        };
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    static readonly string AnyDueSql =
        $"SELECT EXISTS (SELECT 1 FROM webhook_deliveries WHERE status = '{DeliveryStatus.Pending}' AND next_attempt_at <= $1 " +
        "AND (leased_until IS NULL OR leased_until <= $1))";
}
