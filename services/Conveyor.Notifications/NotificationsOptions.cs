using System.ComponentModel.DataAnnotations;

namespace Conveyor.Notifications;

/// <summary>Section <c>Notifications</c>; environment variables such as <c>Notifications__MaxAttempts</c> override.</summary>
public sealed class NotificationsOptions
{
    public const string Section = "Notifications";

    /// <summary>Tries per delivery, the first included; after the last one the delivery is dead-lettered.</summary>
    [Range(1, 50)] public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait before the second try; each further try doubles it (with jitter), up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A receiver that has not answered by then counts as a failed, retryable try.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often stored deliveries are looked at when nothing new has arrived (retries coming due, redeliveries).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests in flight to one subscription at once (each for a different job): a slow receiver holds no more than this.</summary>
    [Range(1, 64)] public int MaxConcurrentPerSubscription { get; set; } = 4;

    /// <summary>Requests in flight from this instance at once.</summary>
    [Range(1, 4096)] public int MaxConcurrentDeliveries { get; set; } = 128;

    /// <summary>
    /// Keeps the subscriptions in memory while a connection LISTENs for their changes, instead of reading them for every
    /// event. Turn it off when the database is reached through a transaction-pooling proxy, which does not carry
    /// LISTEN: every event then reads the table, and every job event reaches notifications whether a subscription wants
    /// it or not (the broker's bindings follow the subscriptions only while this listens).
    /// </summary>
    public bool CacheSubscriptions { get; set; } = true;
}
