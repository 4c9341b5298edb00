using static Conveyor.Scheduler.Tests.JobEvent;
using static Conveyor.Scheduler.Tests.JobStage;

namespace Conveyor.Scheduler.Tests.Matrix;

/// <summary>The executor has been asked to kill the attempt: however the current attempt ends, the job is cancelled.</summary>
public static class StoppingTransitions
{
    public static IEnumerable<Transition> Rows =>
    [
        new(Stopping, SubmitAgain, Stopping, Reply.Accepted),
        new(Stopping, Cancel, Stopping, Reply.CommandRejected),
        new(Stopping, Stop, Stopping, Reply.CommandAccepted),
        new(Stopping, StartCurrentAttempt, Stopping, Reply.Refused),
        new(Stopping, StartOtherAttempt, Stopping, Reply.Refused),
        Transition.Ignored(Stopping, CurrentAttemptBeats),
        Transition.Ignored(Stopping, StaleAttemptBeats),
        Transition.Ignored(Stopping, CurrentAttemptServes),
        Transition.Ignored(Stopping, StaleAttemptServes),
        new(Stopping, CurrentAttemptExitsZero, Cancelled, Reply.None, Emitted.JobCancelled),
        new(Stopping, CurrentAttemptExitsNonZero, Cancelled, Reply.None, Emitted.JobCancelled),
        new(Stopping, CurrentAttemptFails, Cancelled, Reply.None, Emitted.JobCancelled),
        new(Stopping, CurrentAttemptFailsRetryably, Cancelled, Reply.None, Emitted.JobCancelled),
        Transition.Ignored(Stopping, StaleAttemptExitsZero),
        Transition.Ignored(Stopping, StaleAttemptExitsNonZero),
        Transition.Ignored(Stopping, StaleAttemptFails),
        Transition.Ignored(Stopping, StaleAttemptFailsRetryably),
        Transition.Ignored(Stopping, RetryDueForCurrentAttempt),
        Transition.Ignored(Stopping, RetryDueForStaleAttempt),
        new(Stopping, CurrentAttemptHeartbeatLost, Cancelled, Reply.None, Emitted.JobCancelled),
        Transition.Ignored(Stopping, StaleAttemptHeartbeatLost),
        new(Stopping, CurrentAttemptDeadlinePassed, Cancelled, Reply.None, Emitted.JobCancelled),
        Transition.Ignored(Stopping, StaleAttemptDeadlinePassed),
        Transition.Ignored(Stopping, CurrentAttemptAged),
        Transition.Ignored(Stopping, StaleAttemptAged),
        new(Stopping, RecordedAsExternal, Stopping, Reply.CommandRejected),
    ];
}
