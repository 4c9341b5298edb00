using static Conveyor.Scheduler.Tests.JobEvent;
using static Conveyor.Scheduler.Tests.JobStage;

namespace Conveyor.Scheduler.Tests.Matrix;

/// <summary>A queued attempt waits for an executor: it may start, or the job may be cancelled; reports cannot exist yet.</summary>
public static class PendingTransitions
{
    public static IEnumerable<Transition> Rows =>
    [
        new(Pending, SubmitAgain, Pending, Reply.Accepted),
        new(Pending, Cancel, Cancelled, Reply.CommandAccepted, Emitted.JobCancelled),
        new(Pending, Stop, Cancelled, Reply.CommandAccepted, Emitted.JobCancelled),
        new(Pending, StartCurrentAttempt, Running, Reply.Granted, Emitted.AttemptStarted),
        new(Pending, StartOtherAttempt, Pending, Reply.Refused),
        Transition.Ignored(Pending, CurrentAttemptBeats),
        Transition.Ignored(Pending, StaleAttemptBeats),
        Transition.Ignored(Pending, CurrentAttemptServes),
        Transition.Ignored(Pending, StaleAttemptServes),
        Transition.Ignored(Pending, CurrentAttemptExitsZero),
        Transition.Ignored(Pending, CurrentAttemptExitsNonZero),
        Transition.Ignored(Pending, CurrentAttemptFails),
        Transition.Ignored(Pending, CurrentAttemptFailsRetryably),
        Transition.Ignored(Pending, StaleAttemptExitsZero),
        Transition.Ignored(Pending, StaleAttemptExitsNonZero),
        Transition.Ignored(Pending, StaleAttemptFails),
        Transition.Ignored(Pending, StaleAttemptFailsRetryably),
        Transition.Ignored(Pending, RetryDueForCurrentAttempt),
        Transition.Ignored(Pending, RetryDueForStaleAttempt),
        Transition.Ignored(Pending, CurrentAttemptHeartbeatLost),
        Transition.Ignored(Pending, StaleAttemptHeartbeatLost),
        Transition.Ignored(Pending, CurrentAttemptDeadlinePassed),
        Transition.Ignored(Pending, StaleAttemptDeadlinePassed),
        new(Pending, CurrentAttemptAged, Pending, Reply.None, Emitted.ExecuteJob),
        Transition.Ignored(Pending, StaleAttemptAged),
        new(Pending, RecordedAsExternal, Pending, Reply.CommandRejected),
    ];
}
