namespace Conveyor.Persistence.Webhooks;

/// <summary>
/// One event on its way to one subscription, stored before the bus message that caused it is acknowledged, so that
/// pending deliveries survive a restart. The body is built once; every attempt sends the same bytes.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; }

    /// <summary>Order of arrival; deliveries of one job to one subscription leave in this order.</summary>
    public long Sequence { get; set; }

    public Guid SubscriptionId { get; set; }
    public Guid JobId { get; set; }

    /// <summary>The bus message the event came from; a redelivered message finds its delivery already stored.</summary>
    public Guid EventId { get; set; }

    public string Event { get; set; } = null!;
    public string Payload { get; set; } = null!;
    public string Status { get; set; } = DeliveryStatus.Pending;
    public int AttemptCount { get; set; }
    public List<DeliveryAttempt> Attempts { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Set while a notifications instance is sending it; another instance takes it over only once this has passed.</summary>
    public DateTimeOffset? LeasedUntil { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The dead or delivered delivery this one repeats, when it was asked for through the redeliver action.</summary>
    public Guid? RedeliveryOf { get; set; }
}
