namespace Conveyor.Notifications.Webhooks;

/// <summary>What one request to a receiver came to.</summary>
public sealed record SendOutcome
{
    public required bool Delivered { get; init; }

    /// <summary>Worth another try: 5xx, 408, 429, a timeout or a connection error. Any other answer is final.</summary>
    public required bool Retryable { get; init; }

    public int? StatusCode { get; init; }
    public string? Error { get; init; }
    public required TimeSpan Latency { get; init; }

    /// <summary>The receiver's Retry-After, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
