using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;
using Conveyor.Persistence.Outbox;
using Npgsql;

namespace Conveyor.Persistence.Sagas;

/// <summary>
/// The saga repository's view of one message: loads the locked row, and saves within the caller's transaction, the
/// message's own or its group's (<paramref name="rows"/> says which).
/// </summary>
internal sealed class PostgresSagaRepositoryContext<TSaga, TMessage> : ConsumeContextScope<TMessage>, SagaRepositoryContext<TSaga, TMessage>
    where TSaga : class, ISaga
    where TMessage : class
{
    readonly DbContext db;
    readonly ConsumeContext<TMessage> consumeContext;
    readonly ISagaConsumeContextFactory<DbContext, TSaga> factory;
    readonly ISagaRows<TSaga> rows;

    public PostgresSagaRepositoryContext(DbContext db, ConsumeContext<TMessage> consumeContext, ISagaConsumeContextFactory<DbContext, TSaga> factory,
        SagaOutbox outbox, ISagaRows<TSaga> rows)
        : base(consumeContext, db, outbox)
    {
        this.db = db;
        this.factory = factory;
        this.rows = rows;
        // The saga sees this scope, not the raw context, so that its behaviours find the outbox payload.
        this.consumeContext = this;
    }

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance)
    {
        RequireInserts();
        return factory.CreateSagaConsumeContext(db, consumeContext, instance, SagaConsumeContextMode.Add);
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>> Insert(TSaga instance)
    {
        RequireInserts();
        // A failed statement aborts a PostgreSQL transaction, so a duplicate insert must roll back to a savepoint.
        var transaction = db.Database.CurrentTransaction!;
        await transaction.CreateSavepointAsync("saga_insert", CancellationToken);
        var entry = db.Set<TSaga>().Add(instance);
        try
        {
            await db.SaveChangesAsync(CancellationToken);
            return await factory.CreateSagaConsumeContext(db, consumeContext, instance, SagaConsumeContextMode.Insert);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            entry.State = EntityState.Detached;
            await transaction.RollbackToSavepointAsync("saga_insert", CancellationToken);
            return null!;
        }
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>> Load(Guid correlationId)
    {
        var instance = await rows.Load(correlationId, CancellationToken);
        return instance is null
            ? null!
            : await factory.CreateSagaConsumeContext(db, consumeContext, instance, SagaConsumeContextMode.Load);
    }

    public async Task Save(SagaConsumeContext<TSaga> context)
    {
        RequireInserts();
        db.Set<TSaga>().Add(context.Saga);
        await rows.Flush(CancellationToken);
    }

    public Task Update(SagaConsumeContext<TSaga> context) => rows.Flush(CancellationToken);

    public async Task Delete(SagaConsumeContext<TSaga> context)
    {
        db.Set<TSaga>().Remove(context.Saga);
        await rows.Flush(CancellationToken);
    }

    public Task Discard(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task Undo(SagaConsumeContext<TSaga> context)
    {
        var entry = db.ChangeTracker.Entries<TSaga>().FirstOrDefault(e => e.Entity.CorrelationId == context.Saga.CorrelationId);
        if (entry is not null)
            entry.State = EntityState.Unchanged;
        return Task.CompletedTask;
    }

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> context, TSaga instance, SagaConsumeContextMode mode)
        where T : class =>
        factory.CreateSagaConsumeContext(db, context, instance, mode);

    // A grouped message type that creates instances is a configuration error; the group fails and each message runs alone.
    void RequireInserts()
    {
        if (!rows.InsertsAllowed)
            throw new InvalidOperationException($"{typeof(TMessage).Name} creates {typeof(TSaga).Name} instances and must not be grouped.");
    }
}
