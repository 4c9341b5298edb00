using static Conveyor.Scheduler.Tests.JobEvent;
using static Conveyor.Scheduler.Tests.JobStage;

namespace Conveyor.Scheduler.Tests.Matrix;

/// <summary>A retry waits out its backoff: only its RetryDue queues it, and the job may be cancelled meanwhile.</summary>
public static class WaitingTransitions
{
    public static IEnumerable<Transition> Rows =>
    [
        new(Waiting, SubmitAgain, Waiting, Reply.Accepted),
        new(Waiting, Cancel, Cancelled, Reply.CommandAccepted, Emitted.JobCancelled),
        new(Waiting, Stop, Cancelled, Reply.CommandAccepted, Emitted.JobCancelled),
        new(Waiting, StartCurrentAttempt, Waiting, Reply.Refused),
        new(Waiting, StartOtherAttempt, Waiting, Reply.Refused),
        Transition.Ignored(Waiting, CurrentAttemptBeats),
        Transition.Ignored(Waiting, StaleAttemptBeats),
        Transition.Ignored(Waiting, CurrentAttemptServes),
        Transition.Ignored(Waiting, StaleAttemptServes),
        Transition.Ignored(Waiting, CurrentAttemptExitsZero),
        Transition.Ignored(Waiting, CurrentAttemptExitsNonZero),
        Transition.Ignored(Waiting, CurrentAttemptFails),
        Transition.Ignored(Waiting, CurrentAttemptFailsRetryably),
        Transition.Ignored(Waiting, StaleAttemptExitsZero),
        Transition.Ignored(Waiting, StaleAttemptExitsNonZero),
        Transition.Ignored(Waiting, StaleAttemptFails),
        Transition.Ignored(Waiting, StaleAttemptFailsRetryably),
        new(Waiting, RetryDueForCurrentAttempt, Pending, Reply.None, Emitted.ExecuteJob),
        Transition.Ignored(Waiting, RetryDueForStaleAttempt),
        Transition.Ignored(Waiting, CurrentAttemptHeartbeatLost),
        Transition.Ignored(Waiting, StaleAttemptHeartbeatLost),
        Transition.Ignored(Waiting, CurrentAttemptDeadlinePassed),
        Transition.Ignored(Waiting, StaleAttemptDeadlinePassed),
        Transition.Ignored(Waiting, CurrentAttemptAged),
        Transition.Ignored(Waiting, StaleAttemptAged),
        new(Waiting, RecordedAsExternal, Waiting, Reply.CommandRejected),
    ];
}
