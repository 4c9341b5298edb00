using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conveyor.Persistence.Outbox;

/// <summary>
/// Deletes the outbox rows the <see cref="OutboxRelay"/> has sent, many in one statement every few hundred milliseconds
/// instead of one transaction per message. A row whose delete is lost (a crash, a database outage) is sent once more by
/// the <see cref="OutboxDispatcher"/> under the same message id, which every consumer recognises.
/// </summary>
public sealed class DeliveredOutboxRows(IDbContextFactory<ConveyorDbContext> contexts, ILogger<DeliveredOutboxRows> logger) : BackgroundService
{
    const int BatchSize = 2000;
    static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    readonly Channel<long> sent = Channel.CreateUnbounded<long>();
    readonly List<long> batch = new(BatchSize);

    public void Add(long rowId) => sent.Writer.TryWrite(rowId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (batch.Count == 0)
                    await sent.Reader.WaitToReadAsync(stoppingToken);
                await Task.Delay(Interval, stoppingToken);
                await DeleteBatch(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // What was sent before the stop is deleted now, so that a restart does not send it again.
        using var last = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (batch.Count > 0 || sent.Reader.TryPeek(out _))
            if (!await DeleteBatch(last.Token))
                return;
    }

    async Task<bool> DeleteBatch(CancellationToken cancellationToken)
    {
        while (batch.Count < BatchSize && sent.Reader.TryRead(out var id))
            batch.Add(id);
        if (batch.Count == 0)
            return true;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var ids = batch.ToArray();
            await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM outbox_messages WHERE id = ANY({ids})", cancellationToken);
            batch.Clear();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Deleting {Count} sent outbox rows failed, retrying: {Reason}", batch.Count, ex.Message);
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
