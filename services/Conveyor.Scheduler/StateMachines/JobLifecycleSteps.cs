using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;
using Conveyor.Scheduler.Supervision;
using MassTransit;

namespace Conveyor.Scheduler.StateMachines;

/// <summary>
/// The state machine's vocabulary: each step of a transition as one chainable call, so that the machine reads as the
/// lifecycle. The work itself is in <see cref="JobLifecycleBehaviors"/>, <see cref="JobLifecycleEvents"/> and
/// <see cref="JobLifecycleReplies"/>.
/// </summary>
public static class JobLifecycleSteps
{
    // What the job records.

    public static EventActivityBinder<JobLifecycleState, SubmitJob> Record(
        this EventActivityBinder<JobLifecycleState, SubmitJob> binder, JobLifecycleBehaviors job) =>
        binder.Then(job.Record);

    public static EventActivityBinder<JobLifecycleState, StartAttempt> StartAttempt(
        this EventActivityBinder<JobLifecycleState, StartAttempt> binder, JobLifecycleBehaviors job) =>
        binder.Then(job.StartAttempt);

    public static EventActivityBinder<JobLifecycleState, AttemptHeartbeat> RecordHeartbeat(
        this EventActivityBinder<JobLifecycleState, AttemptHeartbeat> binder) =>
        binder.Then(c => c.Saga.LastHeartbeatAt = DateTimeOffset.UtcNow);

    public static EventActivityBinder<JobLifecycleState, AttemptServiceReady> RecordService(
        this EventActivityBinder<JobLifecycleState, AttemptServiceReady> binder) =>
        binder.Then(c => c.Saga.CurrentAttempt!.ServiceUrl = c.Message.Url);

    public static EventActivityBinder<JobLifecycleState, AttemptCompleted> RecordExit(
        this EventActivityBinder<JobLifecycleState, AttemptCompleted> binder) =>
        binder.Then(JobLifecycleBehaviors.RecordExit);

    public static EventActivityBinder<JobLifecycleState, AttemptFailed> RecordFailure(
        this EventActivityBinder<JobLifecycleState, AttemptFailed> binder) =>
        binder.Then(JobLifecycleBehaviors.RecordFailure);

    public static EventActivityBinder<JobLifecycleState, T> RecordLost<T>(
        this EventActivityBinder<JobLifecycleState, T> binder) where T : class =>
        binder.Then(JobLifecycleBehaviors.RecordLost);

    public static EventActivityBinder<JobLifecycleState, T> RecordTimeout<T>(
        this EventActivityBinder<JobLifecycleState, T> binder) where T : class =>
        binder.Then(JobLifecycleBehaviors.RecordTimeout);

    public static EventActivityBinder<JobLifecycleState, CancelJob> Cancel(
        this EventActivityBinder<JobLifecycleState, CancelJob> binder) =>
        binder.Then(c => JobLifecycleBehaviors.Cancel(c.Saga, c.Message.Reason));

    /// <summary>A stop that arrives before the job is on an executor cancels it outright.</summary>
    public static EventActivityBinder<JobLifecycleState, StopJob> Cancel(
        this EventActivityBinder<JobLifecycleState, StopJob> binder) =>
        binder.Then(c => JobLifecycleBehaviors.Cancel(c.Saga, c.Message.Reason));

    public static EventActivityBinder<JobLifecycleState, StopJob> RequestStop(
        this EventActivityBinder<JobLifecycleState, StopJob> binder, JobLifecycleBehaviors job) =>
        binder.Then(job.RequestStop);

    public static EventActivityBinder<JobLifecycleState, AttemptCompleted> RecordStoppedOutput(
        this EventActivityBinder<JobLifecycleState, AttemptCompleted> binder) =>
        binder.Then(JobLifecycleBehaviors.RecordStoppedOutput);

    public static EventActivityBinder<JobLifecycleState, AttemptFailed> RecordStoppedFailure(
        this EventActivityBinder<JobLifecycleState, AttemptFailed> binder) =>
        binder.Then(JobLifecycleBehaviors.RecordStoppedFailure);

    public static EventActivityBinder<JobLifecycleState, T> EndStopUnconfirmed<T>(
        this EventActivityBinder<JobLifecycleState, T> binder) where T : class =>
        binder.Then(c => JobLifecycleBehaviors.EndStopUnconfirmed(c.Saga));

    public static EventActivityBinder<JobLifecycleState, T> ScheduleRetry<T>(
        this EventActivityBinder<JobLifecycleState, T> binder, JobLifecycleBehaviors job) where T : class =>
        binder.Then(job.ScheduleRetry);

    public static EventActivityBinder<JobLifecycleState, RecordExternalJob> RecordExternal(
        this EventActivityBinder<JobLifecycleState, RecordExternalJob> binder) =>
        binder.Then(JobLifecycleBehaviors.RecordExternal);

    public static EventActivityBinder<JobLifecycleState, RecordExternalJob> EndExternal(
        this EventActivityBinder<JobLifecycleState, RecordExternalJob> binder) =>
        binder.Then(JobLifecycleBehaviors.EndExternal);

    public static EventActivityBinder<JobLifecycleState, RetryDue> ClearRetryTime(
        this EventActivityBinder<JobLifecycleState, RetryDue> binder) => binder.Then(c => c.Saga.NextAttemptAt = null);

    // What goes to executors.

    /// <summary>Queues the current attempt's work on its pool, at the job's own priority.</summary>
    public static EventActivityBinder<JobLifecycleState, T> SendWork<T>(
        this EventActivityBinder<JobLifecycleState, T> binder) where T : class =>
        binder.ThenAsync(JobLifecycleBehaviors.Dispatch);

    /// <summary>Queues the work again at the priority aging gave it.</summary>
    public static EventActivityBinder<JobLifecycleState, PriorityAged> SendWorkAgain(
        this EventActivityBinder<JobLifecycleState, PriorityAged> binder) =>
        binder.ThenAsync(JobLifecycleBehaviors.Requeue);

    public static EventActivityBinder<JobLifecycleState, T> StopOnExecutor<T>(
        this EventActivityBinder<JobLifecycleState, T> binder) where T : class =>
        binder.ThenAsync(JobLifecycleBehaviors.StopOnExecutor);

    // What subscribers hear.

    public static EventActivityBinder<JobLifecycleState, T> PublishSubmitted<T>(
        this EventActivityBinder<JobLifecycleState, T> binder) where T : class =>
        binder.ThenAsync(JobLifecycleEvents.Submitted);

    public static EventActivityBinder<JobLifecycleState, T> PublishCompleted<T>(
        this EventActivityBinder<JobLifecycleState, T> binder) where T : class =>
        binder.ThenAsync(JobLifecycleEvents.Completed);

    public static EventActivityBinder<JobLifecycleState, T> PublishFailed<T>(
        this EventActivityBinder<JobLifecycleState, T> binder) where T : class =>
        binder.ThenAsync(JobLifecycleEvents.Failed);

    public static EventActivityBinder<JobLifecycleState, T> PublishCancelled<T>(
        this EventActivityBinder<JobLifecycleState, T> binder) where T : class =>
        binder.ThenAsync(JobLifecycleEvents.Cancelled);

    public static EventActivityBinder<JobLifecycleState, T> PublishRetryScheduled<T>(
        this EventActivityBinder<JobLifecycleState, T> binder) where T : class =>
        binder.ThenAsync(JobLifecycleEvents.RetryScheduled);

    // What the sender of a request is told.

    public static EventActivityBinder<JobLifecycleState, SubmitJob> AcceptSubmission(
        this EventActivityBinder<JobLifecycleState, SubmitJob> binder) => binder.ThenAsync(JobLifecycleReplies.Accept);

    public static EventActivityBinder<JobLifecycleState, T> AcceptCommand<T>(
        this EventActivityBinder<JobLifecycleState, T> binder) where T : class =>
        binder.ThenAsync(JobLifecycleReplies.Accepted);

    public static EventActivityBinder<JobLifecycleState, T> RejectCommand<T>(
        this EventActivityBinder<JobLifecycleState, T> binder, string reason) where T : class =>
        binder.ThenAsync(c => JobLifecycleReplies.Rejected(c, reason));

    public static EventActivityBinder<JobLifecycleState, StartAttempt> GrantAttempt(
        this EventActivityBinder<JobLifecycleState, StartAttempt> binder) =>
        binder.ThenAsync(JobLifecycleReplies.Grant);

    public static EventActivityBinder<JobLifecycleState, StartAttempt> RefuseAttempt(
        this EventActivityBinder<JobLifecycleState, StartAttempt> binder, string reason) =>
        binder.ThenAsync(c => JobLifecycleReplies.Refuse(c, reason));
}
