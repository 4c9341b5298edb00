using Microsoft.EntityFrameworkCore;

namespace Conveyor.Persistence.Outbox;

/// <summary>Records that a consumer processed a message; false when it already had (a redelivery or a resend).</summary>
internal static class Inbox
{
    public static async Task<bool> TryRecord(DbContext db, Guid? messageId, string consumer, CancellationToken cancellationToken)
    {
        if (messageId is not { } id)
            return true;
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({id}, {consumer}, now()) ON CONFLICT DO NOTHING",
            cancellationToken);
        return inserted == 1;
    }
}
