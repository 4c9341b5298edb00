using Conveyor.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Scheduler.Supervision;

/// <summary>Forgets processed message ids after a day: redeliveries happen within minutes, and the inbox must not grow forever.</summary>
public sealed class InboxRetention(IDbContextFactory<ConveyorDbContext> contexts, ILogger<InboxRetention> logger) : BackgroundService
{
    static readonly TimeSpan Keep = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await using var db = await contexts.CreateDbContextAsync(stoppingToken);
                var cutoff = DateTimeOffset.UtcNow - Keep;
                var removed = await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM inbox_messages WHERE processed_at < {cutoff}", stoppingToken);
                if (removed > 0)
                    logger.LogInformation("Inbox retention removed {Count} entries", removed);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
