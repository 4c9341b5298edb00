using System.ComponentModel.DataAnnotations;

namespace Conveyor.Scheduler;

/// <summary>Section <c>Scheduler</c>; environment variables such as <c>Scheduler__HeartbeatTimeout</c> override.</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Scheduler";

    /// <summary>Attempts a job gets when it does not say (infrastructure failures only, unless it asks for retries on failure).</summary>
    [Range(1, 20)] public int DefaultMaxAttempts { get; set; } = 3;

    /// <summary>First retry delay; each further retry doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A running attempt whose executor has been silent this long is lost (seed-003 executors beat every 5 s).</summary>
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Priority aging, off when unset: a pending job moves up one priority for every period it waits in its queue
    /// (best_effort → background → foreground), so that steady higher work cannot starve lower work forever.
    /// </summary>
    public TimeSpan? PriorityAging { get; set; }

    /// <summary>How often supervision looks for due retries, lost executors and passed deadlines.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);
}
