using Conveyor.Contracts.Jobs;

namespace Conveyor.Scheduler.Supervision;

/// <summary>
/// The aging rule: a queued job moves up one priority for every whole period it has waited, up to foreground. Off by
/// default, because strict priority is what most pools want and aging lets old low work overtake new high work.
/// </summary>
public static class PriorityAging
{
    public static JobPriority Due(JobPriority own, DateTimeOffset queuedAt, DateTimeOffset now, TimeSpan period)
    {
        var periods = Math.Max(0, (long)((now - queuedAt) / period));
        return (JobPriority)Math.Min((long)JobPriority.Foreground, (long)own + periods);
    }
}
