using Microsoft.EntityFrameworkCore;
using Npgsql;

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

    /// <summary>The same record as a batch command: one row affected when the message is new.</summary>
    public static NpgsqlBatchCommand RecordCommand(Guid messageId, string consumer) =>
        new("INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ($1, $2, now()) ON CONFLICT DO NOTHING")
        {
            Parameters = { new NpgsqlParameter { Value = messageId }, new NpgsqlParameter { Value = consumer } },
        };

    /// <summary>Records many messages as a batch command; its results are the ids that were not recorded before.</summary>
    public static NpgsqlBatchCommand RecordNewCommand(IReadOnlyCollection<Guid> messageIds, string consumer) =>
        // In order, so that two transactions recording some of the same ids (a redelivery to another instance) wait
        // for each other instead of deadlocking.
        new("INSERT INTO inbox_messages (message_id, consumer, processed_at) SELECT unnest($1), $2, now() ON CONFLICT DO NOTHING RETURNING message_id")
        {
            Parameters = { new NpgsqlParameter { Value = messageIds.Order().ToArray() }, new NpgsqlParameter { Value = consumer } },
        };
}
