using System.Data;
using Conveyor.Persistence.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Conveyor.Persistence.Sagas;

/// <summary>
/// The transaction one consumed message runs in: read committed, without EF's automatic savepoints, with the message
/// recorded in the inbox first. EF wraps every SaveChanges inside a transaction in a savepoint of its own, two more
/// round trips per message; a failed save fails the whole message, which is rolled back and retried, so they buy nothing.
/// </summary>
internal sealed class SagaTransaction : IAsyncDisposable
{
    SagaTransaction(ConveyorDbContext db, IDbContextTransaction transaction, bool isNew)
    {
        Db = db;
        Transaction = transaction;
        IsNew = isNew;
    }

    public ConveyorDbContext Db { get; }
    public IDbContextTransaction Transaction { get; }

    /// <summary>False when the message was processed before (a redelivery or a resend): there is nothing to do but commit.</summary>
    public bool IsNew { get; }

    public static async Task<SagaTransaction> Begin(IDbContextFactory<ConveyorDbContext> contexts, ConsumeContext context, string consumer)
    {
        var db = await contexts.CreateDbContextAsync(context.CancellationToken);
        try
        {
            var transaction = await Open(db, context.CancellationToken);
            var isNew = await Inbox.TryRecord(db, context.MessageId, consumer, context.CancellationToken);
            return new SagaTransaction(db, transaction, isNew);
        }
        catch
        {
            await db.DisposeAsync(); // the transaction, if it began, ends with its connection
            throw;
        }
    }

    /// <summary>
    /// Begins the transaction and records the message in the inbox in the same round trip as <paramref name="alongside"/>,
    /// whose results are read by <paramref name="read"/> before the inbox's answer is known.
    /// </summary>
    public static async Task<SagaTransaction> Begin(IDbContextFactory<ConveyorDbContext> contexts, ConsumeContext context, string consumer,
        Func<DbContext, NpgsqlBatchCommand> alongside, Func<NpgsqlDataReader, Task> read)
    {
        var db = await contexts.CreateDbContextAsync(context.CancellationToken);
        try
        {
            var transaction = await Open(db, context.CancellationToken);
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
            var inbox = context.MessageId is { } messageId ? Inbox.RecordCommand(messageId, consumer) : null;
            if (inbox is not null)
                batch.BatchCommands.Add(inbox);
            batch.BatchCommands.Add(alongside(db));
            await using (var reader = await batch.ExecuteReaderAsync(context.CancellationToken))
                await read(reader);
            return new SagaTransaction(db, transaction, isNew: inbox is null || inbox.RecordsAffected == 1);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    static async Task<IDbContextTransaction> Open(ConveyorDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        db.Database.AutoSavepointsEnabled = false;
        return transaction;
    }

    public Task Commit(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Db.DisposeAsync();
    }
}
