namespace Conveyor.Api.Subscriptions;

/// <summary>One entry of a subscription's delivery log.</summary>
public sealed record DeliveryView
{
    public required Guid Id { get; init; }
    public required Guid SubscriptionId { get; init; }
    public required Guid JobId { get; init; }
    public required string Event { get; init; }
    public required Guid EventId { get; init; }
    public required string Status { get; init; }
    public required int AttemptCount { get; init; }
    public required IReadOnlyList<DeliveryAttemptView> Attempts { get; init; }
    public required DateTime CreatedAt { get; init; }

    /// <summary>When the next try is due; null once the delivery is delivered or dead-lettered.</summary>
    public DateTime? NextAttemptAt { get; init; }

    public DateTime? CompletedAt { get; init; }
    public Guid? RedeliveryOf { get; init; }
}
