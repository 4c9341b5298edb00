namespace Conveyor.Scheduler.Tests;

/// <summary>
/// Every message the saga reacts to, in each of the shapes that matter to it. "Current" names the job's current attempt
/// when the event is applied; "stale" names an attempt the saga never opened for the job.
/// </summary>
public enum JobEvent
{
    SubmitAgain,
    Cancel,
    Stop,
    StartCurrentAttempt,
    StartOtherAttempt,
    CurrentAttemptBeats,
    StaleAttemptBeats,
    CurrentAttemptServes,
    StaleAttemptServes,
    CurrentAttemptExitsZero,
    CurrentAttemptExitsNonZero,
    CurrentAttemptFails,
    CurrentAttemptFailsRetryably,
    StaleAttemptExitsZero,
    StaleAttemptExitsNonZero,
    StaleAttemptFails,
    StaleAttemptFailsRetryably,
    RetryDueForCurrentAttempt,
    RetryDueForStaleAttempt,
    CurrentAttemptHeartbeatLost,
    StaleAttemptHeartbeatLost,
    CurrentAttemptDeadlinePassed,
    StaleAttemptDeadlinePassed,
    CurrentAttemptAged,
    StaleAttemptAged,

    /// <summary>Infernet's PUT /api/status naming a job Conveyor runs itself: refused in every state.</summary>
    RecordedAsExternal,
}
