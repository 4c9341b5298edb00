namespace Conveyor.Scheduler.Tests;

/// <summary>Every message the saga reacts to, in each of the shapes that matter to it.</summary>
public enum JobEvent
{
    SubmitAgain,
    StartCurrentAttempt,
    StartOtherAttempt,
    CurrentAttemptExitsZero,
    CurrentAttemptExitsNonZero,
    CurrentAttemptFails,
    StaleAttemptExitsZero,
    StaleAttemptFails,
}
