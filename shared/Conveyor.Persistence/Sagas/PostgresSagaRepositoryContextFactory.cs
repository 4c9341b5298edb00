using System.Data;
using MassTransit;
using MassTransit.Saga;
using Conveyor.Persistence.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Persistence.Sagas;

/// <summary>
/// Runs each saga message in one PostgreSQL transaction: the row is locked with <c>SELECT ... FOR UPDATE</c>,
/// changed, and committed. We chose the row lock over an optimistic version because a job's messages
/// (grant, heartbeat, completion, cancel) often arrive together; waiting on the lock is cheaper than
/// failing and redelivering, and it never lets two messages of one job interleave.
/// Each message is also recorded in the inbox in the same transaction, so a redelivered message is processed once, and
/// the messages a transition causes join that transaction through the <see cref="SagaOutbox"/>.
/// Message types named in a <see cref="SagaGrouping{TSaga}"/> share the transaction with others that arrive with them
/// (<see cref="SagaGroupCommit{TSaga}"/>), and run alone only if their group fails.
/// </summary>
public sealed class PostgresSagaRepositoryContextFactory<TSaga>(
    IDbContextFactory<ConveyorDbContext> contexts,
    ISagaConsumeContextFactory<DbContext, TSaga> consumeContextFactory,
    SagaGroupCommit<TSaga> groups,
    OutboxRelay outboxRelay)
    : ISagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISaga
{
    public void Probe(ProbeContext context) => context.Add("persistence", "postgresql-row-lock");

    public async Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class
    {
        if (groups.Groups(typeof(T)) && context.CorrelationId is { } correlationId
            && await groups.Enqueue(new GroupedSagaMessage<TSaga, T>(context, next, correlationId)) is { } staged)
        {
            if (staged.Count > 0)
                await outboxRelay.Send(staged);
            return;
        }

        // The one place that must survive a failed statement (a duplicate insert) takes its own savepoint.
        await using var saga = await SagaTransaction.Begin(contexts, context, SagaGroupCommit<TSaga>.Consumer);
        var db = saga.Db;
        if (!saga.IsNew)
        {
            await saga.Commit(context.CancellationToken);
            return;
        }

        var outbox = new SagaOutbox(db, context);
        var repositoryContext = new PostgresSagaRepositoryContext<TSaga, T>(db, context, consumeContextFactory, outbox, new LockedRow<TSaga>(db));
        await next.Send(repositoryContext);

        // Outbox rows added where no saga row was saved (answers to messages for unknown jobs) still need flushing.
        if (db.ChangeTracker.HasChanges())
            await db.SaveChangesAsync(context.CancellationToken);
        await saga.Commit(context.CancellationToken);
        if (outbox.HasMessages)
            await outboxRelay.Send(outbox.Staged);
    }

    // Conveyor's sagas are always addressed by job id; a query-correlated event would be a design error, so say so loudly.
    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class =>
        throw new NotSupportedException($"{typeof(TSaga).Name} is correlated by id only; {typeof(T).Name} must carry the job id.");
}
