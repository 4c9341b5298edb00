using Conveyor.Contracts.Jobs;
using Conveyor.Messaging;
using Conveyor.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

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
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var now = DateTimeOffset.UtcNow;

        foreach (var job in await SupervisionQueries.DueRetries(connection, now, BatchSize, cancellationToken))
            await Signal(new RetryDue(job.JobId, job.AttemptId), job.JobId, cancellationToken);

        // Twice the timeout: the backlog of heartbeats queued during the outage must drain first.
        if (now - healthySince >= 2 * options.Value.HeartbeatTimeout)
        {
            foreach (var job in await SupervisionQueries.Silent(connection, now - options.Value.HeartbeatTimeout, BatchSize, cancellationToken))
                await Signal(new AttemptHeartbeatLost(job.JobId, job.AttemptId), job.JobId, cancellationToken);
        }

        foreach (var job in await SupervisionQueries.Overdue(connection, now, BatchSize, cancellationToken))
            await Signal(new AttemptDeadlinePassed(job.JobId, job.AttemptId), job.JobId, cancellationToken);

        if (options.Value.PriorityAging is { } period)
        {
            foreach (var job in await SupervisionQueries.Queued(connection, now - period, BatchSize, cancellationToken))
            {
                var due = PriorityAging.Due(job.Priority, job.QueuedAt, now, period);
                if (due > job.DispatchPriority)
                    await Signal(new PriorityAged(job.JobId, job.AttemptId, due), job.JobId, cancellationToken);
            }
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
