using System.Diagnostics;
using Conveyor.Persistence.Outbox;
using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Persistence.Sagas;

/// <summary>
/// Creates many saga instances in one PostgreSQL transaction: each item of a batch message raises the initial event on
/// a new instance of the state machine, exactly as it would arriving alone (the same behaviours, the same outbox), and
/// all of them commit together or not at all. A bulk submission of a thousand jobs was a thousand transactions, each
/// with its own inbox row, row lock and commit, and a thousand answers; now it is one of each, so the per-job cost is
/// what the transition itself does. Items whose instance already exists are left alone (the batch is idempotent).
/// The inbox row and the look for existing instances share a round trip; the new rows and their outbox messages are
/// written by <see cref="NewRows"/>, not by EF Core: nothing is tracked, since nothing in the batch reads or changes a
/// row again.
/// </summary>
public sealed class SagaBatch<TSaga>(
    IDbContextFactory<ConveyorDbContext> contexts,
    ISagaConsumeContextFactory<DbContext, TSaga> sagaContexts,
    OutboxRelay relay)
    where TSaga : class, SagaStateMachineInstance, new()
{
    static readonly ActivitySource Tracing = new(SagaBatchMetrics.MeterName);

    /// <summary>Runs <paramref name="initial"/> for every item; returns once all are committed and their messages sent.</summary>
    /// <param name="traceParentOf">The W3C traceparent each item came with, so that its transition, and the messages it stages, continue it.</param>
    public async Task CreateAll<T>(ConsumeContext context, IReadOnlyList<T> items, Func<T, Guid> idOf, Func<T, string?> traceParentOf,
        StateMachine<TSaga> machine, Event<T> initial)
        where T : class
    {
        var existing = new HashSet<Guid>();
        await using var saga = await SagaTransaction.Begin(contexts, context, typeof(TSaga).Name + ".Batch",
            db => SagaRowStatements<TSaga>.For(db).Existing([.. items.Select(idOf)]), async reader =>
            {
                while (await reader.ReadAsync(context.CancellationToken))
                    existing.Add(reader.GetGuid(0));
            });
        var db = saga.Db;
        if (!saga.IsNew)
        {
            await saga.Commit(context.CancellationToken);
            return;
        }

        var staged = new List<IReadOnlyList<StagedMessage>>(items.Count);
        var created = new List<TSaga>(items.Count);
        foreach (var item in items)
        {
            var id = idOf(item);
            if (!existing.Add(id))
                continue;
            // The item seen by the saga as if it had arrived alone; the batch is answered once, so its own reply is not sent.
            using var activity = OutboxTracing.Continue(Tracing, typeof(TSaga).Name + " " + typeof(T).Name, traceParentOf(item));
            var itemContext = new MessageConsumeContext<T>(context, item);
            var outbox = new SagaOutbox(db: null, itemContext, answers: false);
            var instance = new TSaga { CorrelationId = id };
            var sagaContext = await sagaContexts.CreateSagaConsumeContext(db, new ConsumeContextScope<T>(itemContext, db, outbox), instance,
                SagaConsumeContextMode.Add);
            await machine.RaiseEvent(new MassTransitStateMachine<TSaga>.BehaviorContextProxy<T>(machine, sagaContext, sagaContext, initial));
            created.Add(instance);
            staged.Add(outbox.Staged);
        }

        // New rows only: written, not tracked, in the batch's transaction.
        await NewRows.Write(db, created, [.. staged.SelectMany(messages => messages).Select(message => message.Row)], context.CancellationToken);
        await saga.Commit(context.CancellationToken);
        SagaBatchMetrics.Transitions.Add(staged.Count, new KeyValuePair<string, object?>("saga", typeof(TSaga).Name));
        await relay.SendEach(staged);
    }
}
