using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Messaging.Topology;

namespace Conveyor.Api.Streams;

/// <summary>
/// Routes the job status events to this instance's <see cref="LiveEventQueue"/> only while a stream is open here. Every
/// API instance heard every job's three or more status events, deserialised and offered to nobody when no client was
/// connected: the cost of a job grew with the number of API instances. A stream holds the routing from before it reads
/// the job's state until it ends; the last one to end lets it go after <c>Streams:UnbindAfter</c> (30 s), so that clients that
/// reconnect do not make the broker bind and unbind over and over.
/// </summary>
public sealed class LiveEventRouting(ExchangeBindings bindings, LiveEventQueue queue, IConfiguration configuration, ILogger<LiveEventRouting> logger)
{
    static readonly string[] StatusExchanges =
    [
        .. new[] { typeof(JobSubmitted), typeof(AttemptStarted), typeof(JobRetryScheduled), typeof(JobCompleted), typeof(JobFailed), typeof(JobCancelled) }
            .Select(MessageExchange.Of),
    ];

    readonly SemaphoreSlim gate = new(1, 1);
    readonly TimeSpan unbindAfter = configuration.GetValue("Streams:UnbindAfter", TimeSpan.FromSeconds(30));
    int holders;
    bool bound;

    /// <summary>Returns once the status events are routed here; they stay routed until the lease is disposed.</summary>
    public async Task<IDisposable> Hold(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref holders);
        try
        {
            // Always under the gate: an unbinding that saw no holder must finish before this looks at whether it is bound.
            await gate.WaitAsync(cancellationToken);
            try
            {
                if (!bound)
                {
                    await bindings.Set(queue.Name, StatusExchanges.ToHashSet(), [], cancellationToken);
                    bound = true;
                }
            }
            finally
            {
                gate.Release();
            }
        }
        catch
        {
            Release();
            throw;
        }
        return new Lease(this);
    }

    /// <summary>The queue was declared again (a reconnection): an auto-delete queue comes back without the bindings.</summary>
    public async Task Redeclared()
    {
        await gate.WaitAsync();
        try
        {
            bound = false;
            if (Volatile.Read(ref holders) > 0)
            {
                await bindings.Set(queue.Name, StatusExchanges.ToHashSet(), [], CancellationToken.None);
                bound = true;
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning("Live status events not routed again after the queue came back; the next stream will: {Reason}", ex.Message);
        }
        finally
        {
            gate.Release();
        }
    }

    void Release()
    {
        if (Interlocked.Decrement(ref holders) == 0)
            _ = UnbindLater();
    }

    async Task UnbindLater()
    {
        await Task.Delay(unbindAfter);
        await gate.WaitAsync();
        try
        {
            if (Volatile.Read(ref holders) == 0 && bound)
            {
                await bindings.Set(queue.Name, new HashSet<string>(), StatusExchanges, CancellationToken.None);
                bound = false;
            }
        }
        catch (Exception ex)
        {
            // Still bound: events keep coming to nobody until the next stream ends and this is tried again.
            logger.LogWarning("Live status events still routed here with no stream open: {Reason}", ex.Message);
        }
        finally
        {
            gate.Release();
        }
    }

    sealed class Lease(LiveEventRouting routing) : IDisposable
    {
        int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
                routing.Release();
        }
    }
}
