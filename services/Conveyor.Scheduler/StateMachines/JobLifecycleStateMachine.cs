using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;
using Conveyor.Scheduler.Supervision;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Conveyor.Scheduler.StateMachines;

/// <summary>
/// The single owner of a job's life.
/// Pending (queued) → Running → Completed | Failed; Running → Waiting (retry backoff) → Pending;
/// Pending | Waiting → Cancelled; Running → Stopping → Cancelled.
/// Every executor report names its attempt; only reports for the current attempt move the job, so duplicates and
/// late or stale reports change nothing, and a finished job never moves again.
/// </summary>
public sealed class JobLifecycleStateMachine : MassTransitStateMachine<JobLifecycleState>
{
    public State Pending { get; private set; } = null!;
    public State Waiting { get; private set; } = null!;
    public State Running { get; private set; } = null!;
    public State Stopping { get; private set; } = null!;
    public State Completed { get; private set; } = null!;
    public State Failed { get; private set; } = null!;
    public State Cancelled { get; private set; } = null!;

    public Event<SubmitJob> Submitted { get; private set; } = null!;
    public Event<CancelJob> CancelRequested { get; private set; } = null!;
    public Event<StopJob> StopRequested { get; private set; } = null!;
    public Event<StartAttempt> AttemptStartRequested { get; private set; } = null!;
    public Event<AttemptHeartbeat> HeartbeatReceived { get; private set; } = null!;
    public Event<AttemptCompleted> AttemptCompleted { get; private set; } = null!;
    public Event<AttemptFailed> AttemptFailed { get; private set; } = null!;
    public Event<RetryDue> RetryDue { get; private set; } = null!;
    public Event<AttemptHeartbeatLost> HeartbeatLost { get; private set; } = null!;
    public Event<AttemptDeadlinePassed> DeadlinePassed { get; private set; } = null!;
    public Event<PriorityAged> Aged { get; private set; } = null!;

    public JobLifecycleStateMachine(IOptions<SchedulerOptions> options)
    {
        var settings = options.Value;
        var behaviors = new JobLifecycleBehaviors(settings);

        InstanceState(job => job.CurrentState);

        Event(() => Submitted, e => e.CorrelateById(c => c.Message.JobId));
        Event(() => CancelRequested, e => { e.CorrelateById(c => c.Message.JobId); e.OnMissingInstance(m => m.ExecuteAsync(JobLifecycleReplies.NotFound)); });
        Event(() => StopRequested, e => { e.CorrelateById(c => c.Message.JobId); e.OnMissingInstance(m => m.ExecuteAsync(JobLifecycleReplies.NotFound)); });
        Event(() => AttemptStartRequested, e => { e.CorrelateById(c => c.Message.JobId); e.OnMissingInstance(m => m.ExecuteAsync(JobLifecycleReplies.RefuseUnknown)); });
        Event(() => HeartbeatReceived, e => { e.CorrelateById(c => c.Message.JobId); e.OnMissingInstance(m => m.Discard()); });
        Event(() => AttemptCompleted, e => { e.CorrelateById(c => c.Message.JobId); e.OnMissingInstance(m => m.Discard()); });
        Event(() => AttemptFailed, e => { e.CorrelateById(c => c.Message.JobId); e.OnMissingInstance(m => m.Discard()); });
        Event(() => RetryDue, e => { e.CorrelateById(c => c.Message.JobId); e.OnMissingInstance(m => m.Discard()); });
        Event(() => HeartbeatLost, e => { e.CorrelateById(c => c.Message.JobId); e.OnMissingInstance(m => m.Discard()); });
        Event(() => DeadlinePassed, e => { e.CorrelateById(c => c.Message.JobId); e.OnMissingInstance(m => m.Discard()); });
        Event(() => Aged, e => { e.CorrelateById(c => c.Message.JobId); e.OnMissingInstance(m => m.Discard()); });

        Initially(
            When(Submitted)
                .Then(behaviors.Record)
                .TransitionTo(Pending)
                // Submitted goes out before the work, so subscribers hear it before anything an executor causes.
                .ThenAsync(JobLifecycleEvents.Submitted)
                .ThenAsync(JobLifecycleBehaviors.Dispatch)
                .ThenAsync(JobLifecycleReplies.Accept));

        During(Pending,
            When(Submitted).ThenAsync(JobLifecycleReplies.Accept),
            When(CancelRequested).Then(c => JobLifecycleBehaviors.Cancel(c.Saga, c.Message.Reason)).TransitionTo(Cancelled).ThenAsync(JobLifecycleEvents.Cancelled).ThenAsync(JobLifecycleReplies.Accepted),
            When(StopRequested).Then(c => JobLifecycleBehaviors.Cancel(c.Saga, c.Message.Reason)).TransitionTo(Cancelled).ThenAsync(JobLifecycleEvents.Cancelled).ThenAsync(JobLifecycleReplies.Accepted),
            When(AttemptStartRequested, JobLifecycleBehaviors.IsCurrent).Then(behaviors.StartAttempt).TransitionTo(Running).ThenAsync(JobLifecycleReplies.Grant),
            When(AttemptStartRequested, c => !JobLifecycleBehaviors.IsCurrent(c)).ThenAsync(c => JobLifecycleReplies.Refuse(c, "not the job's current attempt")),
            When(Aged, JobLifecycleBehaviors.Moves).ThenAsync(JobLifecycleBehaviors.Requeue),
            Ignore(HeartbeatReceived), Ignore(AttemptCompleted), Ignore(AttemptFailed), Ignore(RetryDue), Ignore(HeartbeatLost), Ignore(DeadlinePassed));

        During(Waiting,
            When(Submitted).ThenAsync(JobLifecycleReplies.Accept),
            When(CancelRequested).Then(c => JobLifecycleBehaviors.Cancel(c.Saga, c.Message.Reason)).TransitionTo(Cancelled).ThenAsync(JobLifecycleEvents.Cancelled).ThenAsync(JobLifecycleReplies.Accepted),
            When(StopRequested).Then(c => JobLifecycleBehaviors.Cancel(c.Saga, c.Message.Reason)).TransitionTo(Cancelled).ThenAsync(JobLifecycleEvents.Cancelled).ThenAsync(JobLifecycleReplies.Accepted),
            When(RetryDue, JobLifecycleBehaviors.IsCurrent).Then(c => c.Saga.NextAttemptAt = null).TransitionTo(Pending).ThenAsync(JobLifecycleBehaviors.Dispatch),
            When(AttemptStartRequested).ThenAsync(c => JobLifecycleReplies.Refuse(c, "the attempt is not queued yet")),
            Ignore(HeartbeatReceived), Ignore(AttemptCompleted), Ignore(AttemptFailed), Ignore(HeartbeatLost), Ignore(DeadlinePassed), Ignore(Aged));

        During(Running,
            When(Submitted).ThenAsync(JobLifecycleReplies.Accept),
            When(CancelRequested).ThenAsync(c => JobLifecycleReplies.Rejected(c, "only a pending job can be cancelled; stop a running job instead")),
            When(StopRequested).Then(behaviors.RequestStop).TransitionTo(Stopping).ThenAsync(JobLifecycleBehaviors.StopOnExecutor).ThenAsync(JobLifecycleReplies.Accepted),
            When(AttemptStartRequested).ThenAsync(c => JobLifecycleReplies.Refuse(c, "the job is already running")),
            When(HeartbeatReceived, JobLifecycleBehaviors.IsCurrent).Then(c => c.Saga.LastHeartbeatAt = DateTimeOffset.UtcNow),
            When(AttemptCompleted, c => JobLifecycleBehaviors.IsCurrent(c) && c.Message.ExitCode == 0)
                .Then(JobLifecycleBehaviors.RecordExit).TransitionTo(Completed).ThenAsync(JobLifecycleEvents.Completed),
            When(AttemptCompleted, c => JobLifecycleBehaviors.IsCurrent(c) && c.Message.ExitCode != 0 && behaviors.RetriesExitCode(c.Saga))
                .Then(JobLifecycleBehaviors.RecordExit).Then(behaviors.ScheduleRetry).TransitionTo(Waiting).ThenAsync(JobLifecycleEvents.RetryScheduled),
            When(AttemptCompleted, c => JobLifecycleBehaviors.IsCurrent(c) && c.Message.ExitCode != 0 && !behaviors.RetriesExitCode(c.Saga))
                .Then(JobLifecycleBehaviors.RecordExit).TransitionTo(Failed).ThenAsync(JobLifecycleEvents.Failed),
            When(AttemptFailed, c => JobLifecycleBehaviors.IsCurrent(c) && c.Message.Retryable && JobLifecycleBehaviors.HasAttemptsLeft(c.Saga))
                .Then(JobLifecycleBehaviors.RecordFailure).Then(behaviors.ScheduleRetry).TransitionTo(Waiting).ThenAsync(JobLifecycleEvents.RetryScheduled),
            When(AttemptFailed, c => JobLifecycleBehaviors.IsCurrent(c) && !(c.Message.Retryable && JobLifecycleBehaviors.HasAttemptsLeft(c.Saga)))
                .Then(JobLifecycleBehaviors.RecordFailure).TransitionTo(Failed).ThenAsync(JobLifecycleEvents.Failed),
            When(HeartbeatLost, c => JobLifecycleBehaviors.IsCurrent(c) && JobLifecycleBehaviors.HasAttemptsLeft(c.Saga))
                .Then(JobLifecycleBehaviors.RecordLost).ThenAsync(JobLifecycleBehaviors.StopOnExecutor).Then(behaviors.ScheduleRetry).TransitionTo(Waiting).ThenAsync(JobLifecycleEvents.RetryScheduled),
            When(HeartbeatLost, c => JobLifecycleBehaviors.IsCurrent(c) && !JobLifecycleBehaviors.HasAttemptsLeft(c.Saga))
                .Then(JobLifecycleBehaviors.RecordLost).ThenAsync(JobLifecycleBehaviors.StopOnExecutor).TransitionTo(Failed).ThenAsync(JobLifecycleEvents.Failed),
            When(DeadlinePassed, JobLifecycleBehaviors.IsCurrent)
                .Then(JobLifecycleBehaviors.RecordTimeout).ThenAsync(JobLifecycleBehaviors.StopOnExecutor).TransitionTo(Failed).ThenAsync(JobLifecycleEvents.Failed),
            Ignore(RetryDue), Ignore(Aged));

        During(Stopping,
            When(Submitted).ThenAsync(JobLifecycleReplies.Accept),
            When(CancelRequested).ThenAsync(c => JobLifecycleReplies.Rejected(c, "only a pending job can be cancelled; the job is being stopped")),
            When(StopRequested).ThenAsync(JobLifecycleReplies.Accepted),
            When(AttemptStartRequested).ThenAsync(c => JobLifecycleReplies.Refuse(c, "the job is being stopped")),
            When(AttemptCompleted, JobLifecycleBehaviors.IsCurrent).Then(JobLifecycleBehaviors.RecordStoppedOutput).TransitionTo(Cancelled).ThenAsync(JobLifecycleEvents.Cancelled),
            When(AttemptFailed, JobLifecycleBehaviors.IsCurrent).Then(JobLifecycleBehaviors.RecordStoppedFailure).TransitionTo(Cancelled).ThenAsync(JobLifecycleEvents.Cancelled),
            When(HeartbeatLost, JobLifecycleBehaviors.IsCurrent).Then(c => JobLifecycleBehaviors.EndStopUnconfirmed(c.Saga)).TransitionTo(Cancelled).ThenAsync(JobLifecycleEvents.Cancelled),
            When(DeadlinePassed, JobLifecycleBehaviors.IsCurrent).Then(c => JobLifecycleBehaviors.EndStopUnconfirmed(c.Saga)).TransitionTo(Cancelled).ThenAsync(JobLifecycleEvents.Cancelled),
            Ignore(HeartbeatReceived), Ignore(RetryDue), Ignore(Aged));

        During(Completed, Failed, Cancelled,
            When(Submitted).ThenAsync(JobLifecycleReplies.Accept),
            When(CancelRequested).ThenAsync(c => JobLifecycleReplies.Rejected(c, "the job has finished")),
            When(StopRequested).ThenAsync(c => JobLifecycleReplies.Rejected(c, "the job has finished")),
            When(AttemptStartRequested).ThenAsync(c => JobLifecycleReplies.Refuse(c, "the job has finished")),
            Ignore(HeartbeatReceived), Ignore(AttemptCompleted), Ignore(AttemptFailed), Ignore(RetryDue), Ignore(HeartbeatLost), Ignore(DeadlinePassed), Ignore(Aged));
    }
}
