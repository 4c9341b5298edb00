using System.Text.Json;
using Conveyor.Notifications.Webhooks.Payloads;
using Conveyor.Persistence;
using Conveyor.Persistence.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Notifications.Webhooks;

/// <summary>Stores one pending delivery per subscription that wants the event, then wakes the dispatcher.</summary>
public sealed class DeliveryRecorder(IDbContextFactory<ConveyorDbContext> contexts, DeliverySignal signal, ILogger<DeliveryRecorder> logger)
{
    public async Task Record(JobEventNotice notice, Guid eventId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var wanting = await db.Set<WebhookSubscription>().AsNoTracking()
            .Where(s => s.Events.Contains(notice.Event))
            .ToListAsync(cancellationToken);
        if (wanting.Count == 0)
            return;

        var job = await ReadJob(db, notice, cancellationToken);
        var matching = wanting.Where(job.Matches).ToList();
        if (matching.Count == 0)
            return;

        var payload = JsonSerializer.Serialize(Body(notice, eventId, job), WebhookJson.Options);
        var now = DateTimeOffset.UtcNow;
        foreach (var subscription in matching)
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO webhook_deliveries (id, subscription_id, job_id, event_id, event, payload, status, created_at, next_attempt_at)
                VALUES ({Guid.CreateVersion7()}, {subscription.Id}, {notice.JobId}, {eventId}, {notice.Event}, {payload}, {DeliveryStatus.Pending}, {now}, {now})
                ON CONFLICT (subscription_id, event_id) WHERE redelivery_of IS NULL DO NOTHING
                """, cancellationToken);
        }
        logger.LogInformation("Event {Event} of job {JobId} stored for {Subscriptions} subscription(s)", notice.Event, notice.JobId, matching.Count);
        signal.Wake();
    }

    static async Task<JobFacts> ReadJob(ConveyorDbContext db, JobEventNotice notice, CancellationToken cancellationToken)
    {
        var stored = await db.Jobs.AsNoTracking()
            .Where(j => j.CorrelationId == notice.JobId)
            .Select(j => new JobFacts
            {
                Type = j.Type,
                Priority = j.Priority,
                Owner = j.Owner,
                CreatedAt = j.CreatedAt,
                StartedAt = j.StartedAt,
                CompletedAt = j.CompletedAt,
                Attempts = j.AttemptCount,
            })
            .SingleOrDefaultAsync(cancellationToken);
        // The saga publishes only after its commit, so the row is there; the message alone is the fallback if it was purged.
        return stored ?? new JobFacts { Type = notice.Type ?? "" };
    }

    static WebhookBody Body(JobEventNotice notice, Guid eventId, JobFacts job) => new()
    {
        EventId = eventId,
        Event = notice.Event,
        OccurredAt = notice.OccurredAt.UtcDateTime,
        Job = new WebhookJob
        {
            Id = notice.JobId,
            Type = job.Type,
            Priority = job.Priority,
            Status = notice.Status,
            CreatedAt = job.CreatedAt?.UtcDateTime,
            StartedAt = job.StartedAt?.UtcDateTime,
            CompletedAt = job.CompletedAt?.UtcDateTime,
            Attempts = job.Attempts,
        },
        Attempt = notice.Attempt,
        Result = notice.Result,
        Retry = notice.Retry,
    };
}
