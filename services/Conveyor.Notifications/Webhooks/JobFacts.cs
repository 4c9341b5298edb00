using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Webhooks;

namespace Conveyor.Notifications.Webhooks;

/// <summary>What subscription filters look at, read from the stored job when the event is recorded.</summary>
public sealed record JobFacts
{
    public required string Type { get; init; }
    public JobPriority? Priority { get; init; }

    /// <summary>The API key that submitted the job; null when the API runs without keys.</summary>
    public string? Owner { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public int Attempts { get; init; }

    public bool Matches(WebhookSubscription subscription) =>
        (subscription.JobType is null || subscription.JobType == Type)
        && (subscription.Priority is null || subscription.Priority == Priority)
        && (subscription.Owner is null || subscription.Owner == Owner);
}
