using System.Data;
using System.Threading.Channels;
using Conveyor.Persistence.Outbox;
using MassTransit;
using MassTransit.Saga;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Conveyor.Persistence.Sagas;

/// <summary>
/// Runs the transitions of messages that arrive together in one PostgreSQL transaction, in three round trips: the inbox
/// rows with the locks on every row, each message's transition in turn, then the changed rows with the outbox rows,
/// then the commit (<see cref="SagaRowStatements{TSaga}"/>: plain Npgsql, no change tracking). Alone, each message paid all of
/// those itself; under load the scheduler's grants and reports arrive dozens at a time. A message arriving on an idle
/// system forms a group of one and waits for nobody: the loop takes whatever is queued the moment it is free.
/// Two messages for one instance never share a group (the second waits for the next), so a transition always sees the
/// row as the one before it committed it. If anything in a group fails, the group rolls back and each of its messages
/// runs alone, as it would have without grouping: one bad message costs its neighbours a retry, never their transition.
/// </summary>
public sealed class SagaGroupCommit<TSaga> : IAsyncDisposable where TSaga : class, ISaga
{
    /// <summary>Enough to carry a full prefetch of the saga's endpoint in one transaction.</summary>
    public const int MaxGroupSize = 64;

    readonly IDbContextFactory<ConveyorDbContext> contexts;
    readonly ISagaConsumeContextFactory<DbContext, TSaga> sagaContexts;
    readonly ILogger<SagaGroupCommit<TSaga>> logger;
    readonly HashSet<Type> grouped;
    readonly Channel<IGroupedSagaMessage<TSaga>> arrivals = Channel.CreateUnbounded<IGroupedSagaMessage<TSaga>>(new() { SingleReader = true });
    readonly Lazy<Task> loop;

    public SagaGroupCommit(IDbContextFactory<ConveyorDbContext> contexts, ISagaConsumeContextFactory<DbContext, TSaga> sagaContexts,
        IEnumerable<SagaGrouping<TSaga>> groupings, ILogger<SagaGroupCommit<TSaga>> logger)
    {
        this.contexts = contexts;
        this.sagaContexts = sagaContexts;
        this.logger = logger;
        grouped = [.. groupings.SelectMany(g => g.MessageTypes)];
        loop = new Lazy<Task>(StartLoop);
    }

    /// <summary>The name the inbox records these messages under: the same as a message running alone, so each sees the other's.</summary>
    internal static string Consumer => typeof(TSaga).Name;

    public bool Groups(Type messageType) => grouped.Contains(messageType);

    /// <summary>Queues the message for the next group; the answer is the messages its transition staged, or null to run it alone.</summary>
    internal Task<IReadOnlyList<StagedMessage>?> Enqueue<T>(GroupedSagaMessage<TSaga, T> message) where T : class
    {
        _ = loop.Value;
        if (!arrivals.Writer.TryWrite(message))
            message.RunAlone(); // shutting down
        return message.Outcome;
    }

    // Started by the first message, but not in its execution context: the loop must not run under that message's trace.
    Task StartLoop()
    {
        using (ExecutionContext.SuppressFlow())
            return Task.Run(Run);
    }

    async Task Run()
    {
        var waiting = new List<IGroupedSagaMessage<TSaga>>();
        while (waiting.Count > 0 || await arrivals.Reader.WaitToReadAsync())
        {
            var (group, carried) = Form(waiting);
            waiting = carried;
            try
            {
                await Commit(group);
            }
            catch (Exception ex)
            {
                // Never expected; but a loop that died would leave every later message waiting for good.
                logger.LogError(ex, "Committing a group of {Saga} messages failed unexpectedly; each runs alone", typeof(TSaga).Name);
                foreach (var message in group)
                    message.RunAlone();
            }
        }
    }

    /// <summary>Takes what waited from the last group first, then whatever has arrived, up to the group's size.</summary>
    (List<IGroupedSagaMessage<TSaga>> Group, List<IGroupedSagaMessage<TSaga>> Carried) Form(List<IGroupedSagaMessage<TSaga>> waiting)
    {
        var group = new List<IGroupedSagaMessage<TSaga>>();
        var carried = new List<IGroupedSagaMessage<TSaga>>();
        var instances = new HashSet<Guid>();
        var messages = new HashSet<Guid>();
        void Take(IGroupedSagaMessage<TSaga> message)
        {
            var fits = group.Count < MaxGroupSize && !instances.Contains(message.CorrelationId)
                && (message.MessageId is not { } id || !messages.Contains(id));
            if (!fits)
            {
                carried.Add(message);
                return;
            }
            group.Add(message);
            instances.Add(message.CorrelationId);
            if (message.MessageId is { } messageId)
                messages.Add(messageId);
        }

        foreach (var message in waiting)
            Take(message);
        while (group.Count < MaxGroupSize && arrivals.Reader.TryRead(out var arrived))
            Take(arrived);
        return (group, carried);
    }

    async Task Commit(List<IGroupedSagaMessage<TSaga>> group)
    {
        IReadOnlyList<StagedMessage>[] staged;
        try
        {
            staged = await RunTogether(group);
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "A group of {Count} {Saga} messages rolled back; each runs alone", group.Count, typeof(TSaga).Name);
            foreach (var message in group)
                message.RunAlone();
            return;
        }

        SagaBatchMetrics.GroupSize.Record(group.Count, new KeyValuePair<string, object?>("saga", typeof(TSaga).Name));
        for (var i = 0; i < group.Count; i++)
            group[i].Committed(staged[i]);
    }

    async Task<IReadOnlyList<StagedMessage>[]> RunTogether(List<IGroupedSagaMessage<TSaga>> group)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted);
        db.Database.AutoSavepointsEnabled = false;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var statements = SagaRowStatements<TSaga>.For(db);

        // One round trip: the inbox rows and the locks. A message seen before is dropped, as alone; its row is locked
        // all the same, which costs nothing, since no other message of the group touches it.
        var fresh = new HashSet<Guid>();
        Dictionary<Guid, SagaRowStatements<TSaga>.LoadedRow> locked;
        await using (var batch = new NpgsqlBatch(connection))
        {
            var messageIds = group.Select(m => m.MessageId).OfType<Guid>().ToList();
            if (messageIds.Count > 0)
                batch.BatchCommands.Add(Inbox.RecordNewCommand(messageIds, Consumer));
            batch.BatchCommands.Add(statements.Lock([.. group.Select(m => m.CorrelationId)]));
            await using var reader = await batch.ExecuteReaderAsync();
            if (messageIds.Count > 0)
            {
                while (await reader.ReadAsync())
                    fresh.Add(reader.GetGuid(0));
                await reader.NextResultAsync();
            }
            locked = await statements.Read(reader, CancellationToken.None);
        }

        var instances = locked.ToDictionary(row => row.Key, row => row.Value.Instance);
        var staged = new IReadOnlyList<StagedMessage>[group.Count];
        for (var i = 0; i < group.Count; i++)
            staged[i] = group[i].MessageId is not { } id || fresh.Contains(id) ? await group[i].Run(db, instances, sagaContexts) : [];
        // Transitions change their locked rows and stage messages; anything else (a delete, a tracked entity) is for a
        // message running alone, through EF.
        if (db.ChangeTracker.HasChanges())
            throw new InvalidOperationException($"A grouped {typeof(TSaga).Name} transition changed more than its row");

        // One round trip: the changed columns of each row, then the outbox rows, whose ids come back in order.
        List<OutboxMessage> rows = [.. staged.SelectMany(messages => messages).Select(message => message.Row)];
        await NewRows.WithOutboxRows(db, locked.Values.Select(statements.Update).OfType<NpgsqlBatchCommand>(), rows, CancellationToken.None);
        await transaction.CommitAsync();
        return staged;
    }

    public async ValueTask DisposeAsync()
    {
        arrivals.Writer.TryComplete();
        if (loop.IsValueCreated)
            await loop.Value;
    }
}
