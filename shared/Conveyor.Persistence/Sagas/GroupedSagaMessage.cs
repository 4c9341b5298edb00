using Conveyor.Persistence.Outbox;
using MassTransit;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Persistence.Sagas;

/// <summary>One consumed message waiting for its group: what the group needs to know of it, and how to run its transition.</summary>
internal interface IGroupedSagaMessage<TSaga> where TSaga : class, ISaga
{
    Guid CorrelationId { get; }

    Guid? MessageId { get; }

    /// <summary>Runs the message's saga pipeline inside the group's transaction; returns the messages it staged.</summary>
    Task<IReadOnlyList<StagedMessage>> Run(DbContext db, IReadOnlyDictionary<Guid, TSaga> locked, ISagaConsumeContextFactory<DbContext, TSaga> sagaContexts);

    /// <summary>The group committed: the message's transition is stored, and these are the messages it caused.</summary>
    void Committed(IReadOnlyList<StagedMessage> staged);

    /// <summary>The group did not commit: the message runs again, alone.</summary>
    void RunAlone();
}

/// <summary>
/// A message of type <typeparamref name="T"/> handed to the group's loop by the consume that received it, which waits for
/// <see cref="Outcome"/>. The transition runs on the loop, in the execution context of that consume (its trace, its log
/// scope), so it behaves and is traced as it would be running alone.
/// </summary>
internal sealed class GroupedSagaMessage<TSaga, T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next, Guid correlationId)
    : IGroupedSagaMessage<TSaga>
    where TSaga : class, ISaga
    where T : class
{
    readonly ExecutionContext? flow = ExecutionContext.Capture();
    readonly TaskCompletionSource<IReadOnlyList<StagedMessage>?> outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Guid CorrelationId => correlationId;

    public Guid? MessageId => context.MessageId;

    /// <summary>The staged messages once the group committed, or null when the message must run alone.</summary>
    public Task<IReadOnlyList<StagedMessage>?> Outcome => outcome.Task;

    public async Task<IReadOnlyList<StagedMessage>> Run(DbContext db, IReadOnlyDictionary<Guid, TSaga> locked,
        ISagaConsumeContextFactory<DbContext, TSaga> sagaContexts)
    {
        // The group stores the staged rows itself, with its own statements.
        var outbox = new SagaOutbox(db: null, context);
        var repositoryContext = new PostgresSagaRepositoryContext<TSaga, T>(db, context, sagaContexts, outbox, new GroupRows<TSaga>(locked));
        await InFlow(() => next.Send(repositoryContext));
        return outbox.Staged;
    }

    public void Committed(IReadOnlyList<StagedMessage> staged) => outcome.TrySetResult(staged);

    public void RunAlone() => outcome.TrySetResult(null);

    Task InFlow(Func<Task> work)
    {
        if (flow is null)
            return work();
        Task started = null!;
        ExecutionContext.Run(flow, _ => started = work(), null);
        return started;
    }
}
