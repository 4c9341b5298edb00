using System.Data;
using Conveyor.Persistence.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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
            var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, context.CancellationToken);
            db.Database.AutoSavepointsEnabled = false;
            var isNew = await Inbox.TryRecord(db, context.MessageId, consumer, context.CancellationToken);
            return new SagaTransaction(db, transaction, isNew);
        }
        catch
        {
            await db.DisposeAsync(); // the transaction, if it began, ends with its connection
            throw;
        }
    }

    public Task Commit(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Db.DisposeAsync();
    }
}
