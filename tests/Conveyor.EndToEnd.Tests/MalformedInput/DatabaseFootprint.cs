using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests.MalformedInput;

/// <summary>
/// What a refused request must not change: how many rows each table holds, and every subscription as stored. Jobs of
/// earlier tests may still be moving through their states, so for jobs and deliveries only the count is compared.
/// </summary>
public sealed record DatabaseFootprint(long Jobs, long Subscriptions, long SubscriptionDigest, long Deliveries, long Executors)
{
    public static async Task<DatabaseFootprint> Of(IsolatedDatabase database) => new(
        await database.Scalar("SELECT count(*) FROM jobs"),
        await database.Scalar("SELECT count(*) FROM webhook_subscriptions"),
        await database.Scalar("SELECT coalesce(sum(hashtext(s::text)::bigint), 0) FROM webhook_subscriptions s"),
        await database.Scalar("SELECT count(*) FROM webhook_deliveries"),
        await database.Scalar("SELECT count(*) FROM executors"));
}
