using Conveyor.Persistence.Sagas;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Persistence.Outbox;

/// <summary>
/// Stores many transitions' outbox rows in one copy. Their ids are drawn from the table's own identity sequence first,
/// in staging order, so that the relay can hand them to <see cref="DeliveredOutboxRows"/> and the dispatcher still sends
/// a job's messages in id order.
/// </summary>
internal static class OutboxRows
{
    public static async Task Store(DbContext db, IReadOnlyList<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
            return;
        var ids = await db.Database.SqlQuery<long>(
                $"SELECT nextval(pg_get_serial_sequence('outbox_messages', 'id')) AS \"Value\" FROM generate_series(1, {rows.Count}) AS n ORDER BY n")
            .ToListAsync(cancellationToken);
        for (var i = 0; i < rows.Count; i++)
            rows[i].Id = ids[i];
        await TableCopy<OutboxMessage>.For(db).Write(db, rows, cancellationToken);
    }
}
