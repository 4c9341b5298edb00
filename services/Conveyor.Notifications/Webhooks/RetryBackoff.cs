namespace Conveyor.Notifications.Webhooks;

/// <summary>
/// Exponential backoff with jitter: the n-th retry waits between half and all of base × 2^(n-1), capped. The jitter
/// spreads retries of many deliveries that failed together (a receiver that was down), so they do not return at once.
/// A longer Retry-After from the receiver wins, within the cap.
/// </summary>
public static class RetryBackoff
{
    public static TimeSpan Delay(int attemptsMade, TimeSpan baseDelay, TimeSpan maxDelay, TimeSpan? retryAfter)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attemptsMade - 1, 0, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        var delay = TimeSpan.FromMilliseconds(capped * (0.5 + Random.Shared.NextDouble() * 0.5));
        return retryAfter is { } asked && asked > delay ? TimeSpan.FromMilliseconds(Math.Min(asked.TotalMilliseconds, maxDelay.TotalMilliseconds)) : delay;
    }
}
