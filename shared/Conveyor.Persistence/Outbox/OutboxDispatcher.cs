using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conveyor.Persistence.Outbox;

/// <summary>
/// Sends what committed transitions left in the outbox, then deletes it: the messages the <see cref="OutboxRelay"/> could
/// not send at once (a broker outage) and those a crash left unsent, which go out when the scheduler comes back. Polls
/// every second for rows older than <see cref="RelayGrace"/>. Several schedulers share the
/// table safely (<c>FOR UPDATE SKIP LOCKED</c>). Delivery is at least once; every message keeps its id across resends.
/// </summary>
public sealed class OutboxDispatcher(
    IDbContextFactory<ConveyorDbContext> contexts,
    IBus bus,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    const int BatchSize = 500;

    /// <summary>How long a row is left to the relay, which normally sends and deletes it within a fraction of a second.</summary>
    public static readonly TimeSpan RelayGrace = TimeSpan.FromSeconds(5);

    static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchBatch(stoppingToken) == BatchSize)
                {
                }
                await Task.Delay(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Outbox dispatch failed, retrying: {Reason}", ex.Message);
                await Task.Delay(PollInterval, CancellationToken.None);
            }
        }
    }

    async Task<int> DispatchBatch(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await db.Set<OutboxMessage>()
            .FromSql($"SELECT * FROM outbox_messages WHERE created_at < {DateTimeOffset.UtcNow - RelayGrace} ORDER BY id LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
            return 0;

        // A job's messages keep their order; different jobs' messages go out side by side. The wait is bounded (a confirm
        // on a connection lost to a broker restart never comes) but the sends are never cancelled, for the reason
        // BoundedPublish gives; what did not go out stays for the next try, which resends it under the same message id.
        await Task.WhenAll(batch.GroupBy(m => m.JobId).Select(DeliverInOrder)).WaitAsync(SendTimeout, cancellationToken);

        db.Set<OutboxMessage>().RemoveRange(batch);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    async Task DeliverInOrder(IEnumerable<OutboxMessage> messages)
    {
        foreach (var message in messages)
            await OutboxDelivery.Deliver(bus, message);
    }
}
