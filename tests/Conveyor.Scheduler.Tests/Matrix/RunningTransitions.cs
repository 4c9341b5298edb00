using static Conveyor.Scheduler.Tests.JobEvent;
using static Conveyor.Scheduler.Tests.JobStage;

namespace Conveyor.Scheduler.Tests.Matrix;

/// <summary>
/// An attempt runs on an executor: its own reports end it, supervision may end it, a stop asks the executor to kill it.
/// The scenario's job has the default three attempts and no retry on failure, so a retryable failure or a lost executor
/// waits for a retry while a non-zero exit fails.
/// </summary>
public static class RunningTransitions
{
    public static IEnumerable<Transition> Rows =>
    [
        new(Running, SubmitAgain, Running, Reply.Accepted),
        new(Running, Cancel, Running, Reply.CommandRejected),
        new(Running, Stop, Stopping, Reply.CommandAccepted, Emitted.StopAttempt),
        new(Running, StartCurrentAttempt, Running, Reply.Refused),
        new(Running, StartOtherAttempt, Running, Reply.Refused),
        new(Running, CurrentAttemptBeats, Running) { ChangesRecord = true },
        Transition.Ignored(Running, StaleAttemptBeats),
        new(Running, CurrentAttemptServes, Running) { ChangesRecord = true },
        Transition.Ignored(Running, StaleAttemptServes),
        new(Running, CurrentAttemptExitsZero, Completed, Reply.None, Emitted.JobCompleted),
        new(Running, CurrentAttemptExitsNonZero, Failed, Reply.None, Emitted.JobFailed),
        new(Running, CurrentAttemptFails, Failed, Reply.None, Emitted.JobFailed),
        new(Running, CurrentAttemptFailsRetryably, Waiting, Reply.None, Emitted.JobRetryScheduled),
        Transition.Ignored(Running, StaleAttemptExitsZero),
        Transition.Ignored(Running, StaleAttemptExitsNonZero),
        Transition.Ignored(Running, StaleAttemptFails),
        Transition.Ignored(Running, StaleAttemptFailsRetryably),
        Transition.Ignored(Running, RetryDueForCurrentAttempt),
        Transition.Ignored(Running, RetryDueForStaleAttempt),
        new(Running, CurrentAttemptHeartbeatLost, Waiting, Reply.None, Emitted.StopAttempt | Emitted.JobRetryScheduled),
        Transition.Ignored(Running, StaleAttemptHeartbeatLost),
        new(Running, CurrentAttemptDeadlinePassed, Failed, Reply.None, Emitted.StopAttempt | Emitted.JobFailed),
        Transition.Ignored(Running, StaleAttemptDeadlinePassed),
        Transition.Ignored(Running, CurrentAttemptAged),
        Transition.Ignored(Running, StaleAttemptAged),
        new(Running, RecordedAsExternal, Running, Reply.CommandRejected),
    ];
}
