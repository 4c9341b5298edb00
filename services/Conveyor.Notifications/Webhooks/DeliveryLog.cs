using Conveyor.Persistence;
using Conveyor.Persistence.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Conveyor.Notifications.Webhooks;

/// <summary>Writes each try into the delivery's log and decides what comes next: done, another try later, or dead-lettered.</summary>
public sealed class DeliveryLog(IDbContextFactory<ConveyorDbContext> contexts, IOptions<NotificationsOptions> options, ILogger<DeliveryLog> logger)
{
    public async Task Record(WebhookDelivery sent, SendOutcome outcome, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var delivery = await db.Set<WebhookDelivery>().SingleOrDefaultAsync(d => d.Id == sent.Id, cancellationToken);
        if (delivery is null)
            return; // its subscription was deleted meanwhile

        var now = DateTimeOffset.UtcNow;
        delivery.AttemptCount++;
        delivery.Attempts.Add(new DeliveryAttempt
        {
            Number = delivery.AttemptCount,
            At = now - outcome.Latency,
            StatusCode = outcome.StatusCode,
            LatencyMs = (long)outcome.Latency.TotalMilliseconds,
            Error = outcome.Error,
        });
        delivery.LeasedUntil = null;

        if (outcome.Delivered)
        {
            delivery.Status = DeliveryStatus.Delivered;
            delivery.CompletedAt = now;
        }
        else if (outcome.Retryable && delivery.AttemptCount < settings.MaxAttempts)
        {
            delivery.NextAttemptAt = now + RetryBackoff.Delay(delivery.AttemptCount, settings.RetryBaseDelay, settings.MaxRetryDelay, outcome.RetryAfter);
            logger.LogInformation("Delivery {DeliveryId} of job {JobId} failed ({Error}); try {Next} at {NextAttemptAt}",
                delivery.Id, delivery.JobId, outcome.Error, delivery.AttemptCount + 1, delivery.NextAttemptAt);
        }
        else
        {
            delivery.Status = DeliveryStatus.DeadLettered;
            delivery.CompletedAt = now;
            logger.LogWarning("Delivery {DeliveryId} of job {JobId} dead-lettered after {Attempts} tries: {Error}",
                delivery.Id, delivery.JobId, delivery.AttemptCount, outcome.Error);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Deleted with its subscription between the read and the write: nothing left to record.
        }
    }
}
