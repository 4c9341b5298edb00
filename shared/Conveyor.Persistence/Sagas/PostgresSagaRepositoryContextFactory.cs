using System.Data;
using MassTransit;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Persistence.Sagas;

/// <summary>
/// Runs each saga message in one PostgreSQL transaction: the row is locked with <c>SELECT ... FOR UPDATE</c>,
/// changed, and committed. We chose the row lock over an optimistic version because a job's messages
/// (grant, heartbeat, completion, cancel) often arrive together; waiting on the lock is cheaper than
/// failing and redelivering, and it never lets two messages of one job interleave.
/// </summary>
public sealed class PostgresSagaRepositoryContextFactory<TSaga>(
    IDbContextFactory<ConveyorDbContext> contexts,
    ISagaConsumeContextFactory<DbContext, TSaga> consumeContextFactory)
    : ISagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISaga
{
    public void Probe(ProbeContext context) => context.Add("persistence", "postgresql-row-lock");

    public async Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class
    {
        await using var db = await contexts.CreateDbContextAsync(context.CancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, context.CancellationToken);

        var repositoryContext = new PostgresSagaRepositoryContext<TSaga, T>(db, context, consumeContextFactory);
        await next.Send(repositoryContext);

        await transaction.CommitAsync(context.CancellationToken);
    }

    // Conveyor's sagas are always addressed by job id; a query-correlated event would be a design error, so say so loudly.
    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class =>
        throw new NotSupportedException($"{typeof(TSaga).Name} is correlated by id only; {typeof(T).Name} must carry the job id.");
}
