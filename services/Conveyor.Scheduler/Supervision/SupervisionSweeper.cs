using Conveyor.Contracts.Jobs;
using Conveyor.Messaging;
using Conveyor.Persistence;
using Conveyor.Persistence.Jobs;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Conveyor.Scheduler.Supervision;

/// <summary>
/// Finds what time alone decides: retries whose backoff has passed, running attempts whose executor fell silent,
/// attempts past their deadline and, when aging is on, queued work old enough to move up, and tells the saga (Debian's RabbitMQ has no delayed-message plugin, and the saga
/// itself only acts on messages). Duplicates are harmless: each event names the attempt and the saga ignores stale ones.
/// </summary>
public sealed class SupervisionSweeper(
    IDbContextFactory<ConveyorDbContext> contexts,
    IBus bus,
    IOptions<SchedulerOptions> options,
    ILogger<SupervisionSweeper> logger) : BackgroundService
{
    const int BatchSize = 1000;
    readonly RecentlySignalled recently = new(TimeSpan.FromSeconds(5));

    // Heartbeats that arrived while the scheduler or its database was down wait in the saga's queue, so silence is only
    // evidence of a lost executor once supervision itself has worked for a whole heartbeat timeout.
    DateTimeOffset healthySince = DateTimeOffset.UtcNow;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        do
        {
            try
            {
                await Sweep(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                healthySince = DateTimeOffset.UtcNow;
                logger.LogWarning("Supervision sweep failed, retrying: {Reason}", ex.Message);
            }
        }
        while (await WaitForNextTick(timer, stoppingToken));
    }

    static async Task<bool> WaitForNextTick(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    async Task Sweep(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var silentSince = now - options.Value.HeartbeatTimeout;

        var dueRetries = await db.Jobs.AsNoTracking()
            .Where(j => j.CurrentState == JobStates.Waiting && j.NextAttemptAt <= now).OrderBy(j => j.NextAttemptAt)
            .Select(j => new { j.CorrelationId, j.CurrentAttemptId }).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var job in dueRetries)
            await Signal(new RetryDue(job.CorrelationId, job.CurrentAttemptId!.Value), job.CorrelationId, cancellationToken);

        // Twice the timeout: the backlog of heartbeats queued during the outage must drain first.
        if (now - healthySince >= 2 * options.Value.HeartbeatTimeout)
        {
            var silent = await db.Jobs.AsNoTracking()
                .Where(j => JobStates.OnExecutor.Contains(j.CurrentState) && j.LastHeartbeatAt < silentSince).OrderBy(j => j.LastHeartbeatAt)
                .Select(j => new { j.CorrelationId, j.CurrentAttemptId }).Take(BatchSize).ToListAsync(cancellationToken);
            foreach (var job in silent)
                await Signal(new AttemptHeartbeatLost(job.CorrelationId, job.CurrentAttemptId!.Value), job.CorrelationId, cancellationToken);
        }

        var overdue = await db.Jobs.AsNoTracking()
            .Where(j => JobStates.OnExecutor.Contains(j.CurrentState) && j.DeadlineAt <= now).OrderBy(j => j.DeadlineAt)
            .Select(j => new { j.CorrelationId, j.CurrentAttemptId }).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var job in overdue)
            await Signal(new AttemptDeadlinePassed(job.CorrelationId, job.CurrentAttemptId!.Value), job.CorrelationId, cancellationToken);

        if (options.Value.PriorityAging is { } period)
            await SweepAging(db, now, period, cancellationToken);
    }

    async Task SweepAging(ConveyorDbContext db, DateTimeOffset now, TimeSpan period, CancellationToken cancellationToken)
    {
        var queuedBefore = now - period;
        var waiting = await db.Jobs.AsNoTracking()
            .Where(j => j.CurrentState == JobStates.Pending && j.DispatchPriority < JobPriority.Foreground && j.QueuedAt <= queuedBefore).OrderBy(j => j.QueuedAt)
            .Select(j => new { j.CorrelationId, j.CurrentAttemptId, j.Priority, j.DispatchPriority, j.QueuedAt }).Take(BatchSize).ToListAsync(cancellationToken);
        foreach (var job in waiting)
        {
            var due = PriorityAging.Due(job.Priority, job.QueuedAt!.Value, now, period);
            if (due > job.DispatchPriority)
                await Signal(new PriorityAged(job.CorrelationId, job.CurrentAttemptId!.Value, due), job.CorrelationId, cancellationToken);
        }
    }

    async Task Signal<T>(T message, Guid jobId, CancellationToken cancellationToken) where T : class
    {
        if (!recently.TryMark((typeof(T), jobId)))
            return;
        logger.LogInformation("Supervision: {Event} for job {JobId}", typeof(T).Name, jobId);
        await bus.PublishWithin(message, BoundedPublish.DefaultTimeout, cancellationToken);
    }
}
