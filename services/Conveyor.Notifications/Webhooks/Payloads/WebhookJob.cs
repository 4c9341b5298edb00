using Conveyor.Contracts.Jobs;

namespace Conveyor.Notifications.Webhooks.Payloads;

/// <summary>The job as it stood when the event was recorded; <see cref="Status"/> is the status the event moved it to.</summary>
public sealed record WebhookJob
{
    public required Guid Id { get; init; }
    public required string Type { get; init; }
    public JobPriority? Priority { get; init; }
    public required string Status { get; init; }
    public DateTime? CreatedAt { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? CompletedAt { get; init; }
    public int Attempts { get; init; }
}
