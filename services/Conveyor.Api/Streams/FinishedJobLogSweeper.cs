using Conveyor.Persistence;
using Conveyor.Persistence.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Api.Streams;

/// <summary>
/// Forgets the kept log lines of jobs that have ended, once a minute. A job's terminal event does that at once, but it
/// reaches this instance only while a stream is open here (<see cref="LiveEventRouting"/>); without this, the lines of
/// jobs that ended unwatched would stay until newer lines pushed them out.
/// </summary>
public sealed class FinishedJobLogSweeper(RecentJobLogs recentLogs, IDbContextFactory<ConveyorDbContext> contexts, ILogger<FinishedJobLogSweeper> logger)
    : BackgroundService
{
    static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await Sweep(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Kept log lines of ended jobs not swept, trying again in a minute: {Reason}", ex.Message);
            }
        }
    }

    public async Task Sweep(CancellationToken cancellationToken)
    {
        var kept = recentLogs.Jobs();
        if (kept.Count == 0)
            return;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ended = await db.Set<JobLifecycleState>().AsNoTracking()
            .Where(j => kept.Contains(j.CorrelationId) && JobStates.Finished.Contains(j.CurrentState))
            .Select(j => j.CorrelationId)
            .ToListAsync(cancellationToken);
        foreach (var id in ended)
            recentLogs.Forget(id);
    }
}
