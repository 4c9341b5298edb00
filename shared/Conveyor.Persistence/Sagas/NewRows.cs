using Conveyor.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Conveyor.Persistence.Sagas;

/// <summary>
/// Writes a batch's new saga rows and their outbox rows inside its transaction, by the cheaper of two ways for its size.
/// A few rows go as INSERT statements in one round trip (<see cref="TableInsert{T}"/>): a single submission's
/// transaction took 5.3 ms (p50) by COPY, most of it in its eight round trips, now three. Many go by binary COPY
/// (<see cref="TableCopy{T}"/>, ids drawn first by <see cref="OutboxRows"/>): four more round trips, but less CPU per
/// row in the scheduler and in PostgreSQL than thousands of statement parameters (bulk submissions of 100 jobs: 4,839/s
/// by COPY, 3,957/s by statements, in same-day runs).
/// </summary>
internal static class NewRows
{
    /// <summary>The most instances written by statements; the size of a busy API's batches of single submissions.</summary>
    public const int MaxByStatements = 16;

    public static async Task Write<TSaga>(DbContext db, List<TSaga> instances, List<OutboxMessage> outbox, CancellationToken cancellationToken)
        where TSaga : class
    {
        if (instances.Count > MaxByStatements)
        {
            await TableCopy<TSaga>.For(db).Write(db, instances, cancellationToken);
            await OutboxRows.Store(db, outbox, cancellationToken);
            return;
        }

        await WithOutboxRows(db, TableInsert<TSaga>.For(db).Commands(instances), outbox, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="statements"/> and inserts <paramref name="outbox"/> in one round trip, giving the outbox rows
    /// their ids; the outbox rows go last, so that their ids are the reader's first results.
    /// </summary>
    public static async Task WithOutboxRows(DbContext db, IEnumerable<NpgsqlBatchCommand> statements, List<OutboxMessage> outbox,
        CancellationToken cancellationToken)
    {
        var outboxInsert = TableInsert<OutboxMessage>.For(db);
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
        foreach (var command in statements.Concat(outboxInsert.Commands(outbox)))
            batch.BatchCommands.Add(command);
        if (batch.BatchCommands.Count == 0)
            return;
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await outboxInsert.ReadIdentities(reader, outbox, cancellationToken);
    }
}
