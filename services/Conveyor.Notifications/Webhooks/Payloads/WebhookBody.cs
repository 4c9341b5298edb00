namespace Conveyor.Notifications.Webhooks.Payloads;

/// <summary>The JSON body of every delivery (snake_case on the wire). Sections that do not apply to the event are null.</summary>
public sealed record WebhookBody
{
    /// <summary>Stable for the event: the same on every retry and on a redelivery, so receivers can drop duplicates.</summary>
    public required Guid EventId { get; init; }
    public required string Event { get; init; }
    public required DateTime OccurredAt { get; init; }
    public required WebhookJob Job { get; init; }
    public WebhookAttempt? Attempt { get; init; }
    public WebhookResult? Result { get; init; }
    public WebhookRetry? Retry { get; init; }
}
