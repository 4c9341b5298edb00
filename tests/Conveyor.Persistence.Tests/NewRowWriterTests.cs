using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;
using Conveyor.Persistence.Outbox;
using Conveyor.Persistence.Sagas;
using Conveyor.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Conveyor.Persistence.Tests;

/// <summary>
/// Submissions store their new jobs and outbox rows by statements (<see cref="TableInsert{T}"/>) or by COPY
/// (<see cref="TableCopy{T}"/>, <see cref="OutboxRows"/>) instead of through EF Core. A row written either way must be
/// the row EF would have inserted, in every column, or a submitted job would read back differently from one stored by a
/// transition; and outbox rows must get ids of the table's sequence in the order they were staged.
/// </summary>
public sealed class NewRowWriterTests
{
    static readonly DateTimeOffset At = FullJob.At;

    [Theory]
    [InlineData("statements")]
    [InlineData("copy")]
    public async Task Should_store_in_every_column_what_ef_core_stores_when_a_job_is_written(string writer)
    {
        await using var database = await IsolatedDatabase.Create();
        await ConveyorMigrations.Run(database.ConnectionString);
        var byEf = FullJob.WithEveryField(Guid.NewGuid());
        var byWriter = FullJob.WithEveryField(Guid.NewGuid());

        await using (var db = ConveyorMigrations.Context(database.ConnectionString))
        {
            db.Add(byEf);
            await db.SaveChangesAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await Write(writer, db, [byWriter]);
            await transaction.CommitAsync();
        }

        var efRow = await RowWithoutId(database, "jobs", byEf.CorrelationId);
        Assert.Contains("\"container\"", efRow);
        Assert.Equal(efRow, await RowWithoutId(database, "jobs", byWriter.CorrelationId));
    }

    [Theory]
    [InlineData("statements")]
    [InlineData("copy")]
    public async Task Should_give_written_outbox_rows_ids_of_the_tables_own_sequence_in_staging_order(string writer)
    {
        await using var database = await IsolatedDatabase.Create();
        await ConveyorMigrations.Run(database.ConnectionString);
        // 11 rows go as statements of 8, 2 and 1: the ids must follow the rows' order across them too.
        var rows = Enumerable.Range(0, 11).Select(i => new OutboxMessage
        {
            MessageId = Guid.NewGuid(), JobId = Guid.NewGuid(), Kind = OutboxMessageKind.Send, DestinationAddress = $"queue:q{i}",
            Priority = 3, MessageType = "T", Body = $"{{\"n\": {i}}}", CreatedAt = At, TraceParent = "00-a-b-01",
        }).ToList();

        await using var db = ConveyorMigrations.Context(database.ConnectionString);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await Write(writer, db, rows);
            await transaction.CommitAsync();
        }
        // A row inserted by EF afterwards takes the next id from the same sequence, not one already drawn.
        var later = new OutboxMessage { MessageId = Guid.NewGuid(), MessageType = "T", Body = "{}", CreatedAt = At };
        db.Add(later);
        await db.SaveChangesAsync();

        var stored = await db.Set<OutboxMessage>().AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([.. rows.Select(r => r.MessageId), later.MessageId], stored.Select(m => m.MessageId));
        Assert.Equal(rows.Select(r => r.Id), stored.Take(rows.Count).Select(m => m.Id));
        Assert.All(rows, row => Assert.Equal($"{{\"n\": {rows.IndexOf(row)}}}", stored.Single(m => m.Id == row.Id).Body));
        Assert.True(rows[^1].Id < later.Id);
        Assert.Equal((byte)3, stored[0].Priority);
        Assert.Equal("queue:q10", stored[10].DestinationAddress);
    }

    static Task Write<T>(string writer, ConveyorDbContext db, List<T> rows) where T : class =>
        (writer, rows) switch
        {
            ("copy", List<OutboxMessage> outbox) => OutboxRows.Store(db, outbox, CancellationToken.None),
            ("copy", _) => TableCopy<T>.For(db).Write(db, rows, CancellationToken.None),
            _ => Insert(db, rows),
        };

    /// <summary>Runs the insert's statements in one batch, as a submission does, reading back the identities.</summary>
    static async Task Insert<T>(ConveyorDbContext db, List<T> rows) where T : class
    {
        var insert = TableInsert<T>.For(db);
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
        foreach (var command in insert.Commands(rows))
            batch.BatchCommands.Add(command);
        await using var reader = await batch.ExecuteReaderAsync();
        await insert.ReadIdentities(reader, rows, CancellationToken.None);
    }

    internal static async Task<string> RowWithoutId(IsolatedDatabase database, string table, Guid id)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT (to_jsonb(t) - 'id')::text FROM {table} t WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
