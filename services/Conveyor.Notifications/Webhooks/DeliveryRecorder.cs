using System.Text.Json;
using Conveyor.Notifications.Webhooks.Payloads;
using Conveyor.Notifications.Webhooks.Subscriptions;
using Conveyor.Persistence;
using Conveyor.Persistence.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Notifications.Webhooks;

/// <summary>Stores one pending delivery per subscription that wants the event, then wakes the dispatcher.</summary>
public sealed class DeliveryRecorder(
    IDbContextFactory<ConveyorDbContext> contexts, SubscriptionCache subscriptions, DeliverySignal signal, ILogger<DeliveryRecorder> logger)
{
    public async Task Record(JobEventNotice notice, Guid eventId, CancellationToken cancellationToken)
    {
        var wanting = await subscriptions.Wanting(notice.Event, cancellationToken);
        if (wanting.Count == 0)
            return;

        var type = notice.Job?.Type ?? notice.Type ?? "";
        var matching = wanting.Where(s => SubscriptionMatch.Takes(s, type, notice.Job)).ToList();
        if (matching.Count == 0)
            return;

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var payload = JsonSerializer.Serialize(Body(notice, eventId, type), WebhookJson.Options);
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

    /// <summary>The body, from the event alone: the jobs table is the scheduler's, and is not read here.</summary>
    static WebhookBody Body(JobEventNotice notice, Guid eventId, string type) => new()
    {
        EventId = eventId,
        Event = notice.Event,
        OccurredAt = notice.OccurredAt.UtcDateTime,
        Job = new WebhookJob
        {
            Id = notice.JobId,
            Type = type,
            Priority = notice.Job?.Priority,
            Status = notice.Status,
            CreatedAt = notice.Job?.CreatedAt.UtcDateTime,
            StartedAt = notice.Job?.StartedAt?.UtcDateTime,
            CompletedAt = notice.Job?.CompletedAt?.UtcDateTime,
            Attempts = notice.Job?.Attempts ?? 0,
        },
        Attempt = notice.Attempt,
        Result = notice.Result,
        Retry = notice.Retry,
    };
}
