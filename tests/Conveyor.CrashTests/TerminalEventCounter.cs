using System.Collections.Concurrent;
using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.TestSupport;
using MassTransit;

namespace Conveyor.CrashTests;

/// <summary>
/// A bus subscriber, as an outside service would be: counts the distinct terminal events per job (by message id, as a
/// subscriber deduplicates redeliveries), and keeps the attempts the saga announced as started, to hold against the
/// attempts it recorded. Its queue is durable so that it hears what is published across a broker restart.
/// </summary>
public sealed class TerminalEventCounter : IAsyncDisposable
{
    readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, byte>> events = new();
    readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Guid, byte>> startedAttempts = new();
    IBusControl? bus;

    public static async Task<TerminalEventCounter> Start(IsolatedVirtualHost virtualHost)
    {
        var counter = new TerminalEventCounter();
        counter.bus = await TestBus.Start(virtualHost, rabbit =>
            rabbit.ReceiveEndpoint("crash-suite-terminal-events", endpoint =>
            {
                // On a cluster the subscriber's queue must outlive a node, as the services' do.
                if (virtualHost.Broker.IsCluster)
                    endpoint.SetQuorumQueue();
                endpoint.Handler<JobCompleted>(context => counter.Record(context.Message.JobId, context.MessageId));
                endpoint.Handler<JobFailed>(context => counter.Record(context.Message.JobId, context.MessageId));
                endpoint.Handler<JobCancelled>(context => counter.Record(context.Message.JobId, context.MessageId));
                endpoint.Handler<AttemptStarted>(context =>
                {
                    counter.startedAttempts.GetOrAdd(context.Message.JobId, _ => new ConcurrentDictionary<Guid, byte>())[context.Message.AttemptId] = 0;
                    return Task.CompletedTask;
                });
            }));
        return counter;
    }

    Task Record(Guid jobId, Guid? messageId)
    {
        events.GetOrAdd(jobId, _ => new ConcurrentDictionary<Guid, byte>())[messageId ?? Guid.NewGuid()] = 0;
        return Task.CompletedTask;
    }

    public int DistinctEventsFor(Guid jobId) => events.TryGetValue(jobId, out var ids) ? ids.Count : 0;

    /// <summary>The attempts of a job announced as started (<see cref="AttemptStarted"/>), by attempt id.</summary>
    public IReadOnlySet<Guid> AttemptsStarted(Guid jobId) =>
        startedAttempts.TryGetValue(jobId, out var ids) ? ids.Keys.ToHashSet() : new HashSet<Guid>();

    public async ValueTask DisposeAsync()
    {
        if (bus is not null)
            await bus.StopAsync();
    }
}
