using System.Linq.Expressions;
using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;
using Conveyor.Scheduler.Supervision;
using MassTransit;
using Microsoft.Extensions.Options;
using static Conveyor.Scheduler.StateMachines.JobLifecycleConditions;

namespace Conveyor.Scheduler.StateMachines;

/// <summary>
/// The single owner of a job's life.
/// Pending (queued) → Running → Completed | Failed; Running → Waiting (retry backoff) → Pending;
/// Pending | Waiting → Cancelled; Running → Stopping → Cancelled.
/// Every executor report names its attempt; only reports for the current attempt move the job, so duplicates and
/// late or stale reports change nothing, and a finished job never moves again.
/// The states' names are stored in <c>jobs.current_state</c> and named for queries in <see cref="JobStates"/>.
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
    public Event<AttemptServiceReady> ServiceReady { get; private set; } = null!;
    public Event<AttemptCompleted> AttemptCompleted { get; private set; } = null!;
    public Event<AttemptFailed> AttemptFailed { get; private set; } = null!;
    public Event<RetryDue> RetryDue { get; private set; } = null!;
    public Event<AttemptHeartbeatLost> HeartbeatLost { get; private set; } = null!;
    public Event<AttemptDeadlinePassed> DeadlinePassed { get; private set; } = null!;
    public Event<PriorityAged> Aged { get; private set; } = null!;
    public Event<RecordExternalJob> ExternalRecorded { get; private set; } = null!;

    public JobLifecycleStateMachine(IOptions<SchedulerOptions> options)
    {
        var job = new JobLifecycleBehaviors(options.Value);

        InstanceState(saga => saga.CurrentState);

        CorrelateByJob(() => Submitted);
        CorrelateByJob(() => CancelRequested, missing => missing.ExecuteAsync(JobLifecycleReplies.NotFound));
        CorrelateByJob(() => StopRequested, missing => missing.ExecuteAsync(JobLifecycleReplies.NotFound));
        CorrelateByJob(() => AttemptStartRequested, missing => missing.ExecuteAsync(JobLifecycleReplies.RefuseUnknown));
        CorrelateByJob(() => HeartbeatReceived, missing => missing.Discard());
        CorrelateByJob(() => ServiceReady, missing => missing.Discard());
        CorrelateByJob(() => AttemptCompleted, missing => missing.Discard());
        CorrelateByJob(() => AttemptFailed, missing => missing.Discard());
        CorrelateByJob(() => RetryDue, missing => missing.Discard());
        CorrelateByJob(() => HeartbeatLost, missing => missing.Discard());
        CorrelateByJob(() => DeadlinePassed, missing => missing.Discard());
        CorrelateByJob(() => Aged, missing => missing.Discard());
        CorrelateByJob(() => ExternalRecorded);

        Initially(
            When(Submitted)
                .Record(job)
                .TransitionTo(Pending)
                // Submitted goes out before the work, so subscribers hear it before anything an executor causes.
                .PublishSubmitted()
                .SendWork()
                .AcceptSubmission(),
            // A job run outside Conveyor (Infernet's PUT /api/status) is recorded as it stands: running, or ended.
            When(ExternalRecorded)
                .RecordExternal()
                .TransitionTo(Running)
                .PublishSubmitted()
                .IfElse(RecordsAnEnd,
                    ended => EndExternally(ended),
                    running => running)
                .AcceptCommand());

        // Submitting a job id again is answered with the job as it stands; only an external job takes records.
        DuringAny(
            When(Submitted).AcceptSubmission(),
            When(ExternalRecorded, c => !IsExternal(c))
                .RejectCommand("the job is run by Conveyor, not recorded from outside"));

        // A running external job ends with the record that says so; a finished one never moves again.
        During(Running,
            EndExternally(When(ExternalRecorded, c => IsExternal(c) && RecordsAnEnd(c))).AcceptCommand(),
            When(ExternalRecorded, c => IsExternal(c) && !RecordsAnEnd(c)).AcceptCommand());
        During(Pending, Waiting, Stopping,
            When(ExternalRecorded, IsExternal).AcceptCommand());
        During(Completed, Failed, Cancelled,
            When(ExternalRecorded, IsExternal).AcceptCommand());

        // Until an executor holds the job, cancel and stop both end it at once.
        During(Pending, Waiting,
            When(CancelRequested).Cancel().TransitionTo(Cancelled).PublishCancelled().AcceptCommand(),
            When(StopRequested).Cancel().TransitionTo(Cancelled).PublishCancelled().AcceptCommand());

        During(Pending,
            When(AttemptStartRequested)
                .IfElse(IsCurrent,
                    granted => granted.StartAttempt(job).TransitionTo(Running).GrantAttempt(),
                    stale => stale.RefuseAttempt("not the job's current attempt")),
            When(Aged, RaisesPriority).SendWorkAgain(),
            Ignore(HeartbeatReceived), Ignore(ServiceReady), Ignore(AttemptCompleted), Ignore(AttemptFailed),
            Ignore(RetryDue), Ignore(HeartbeatLost), Ignore(DeadlinePassed));

        During(Waiting,
            When(RetryDue, IsCurrent).ClearRetryTime().TransitionTo(Pending).SendWork(),
            When(AttemptStartRequested).RefuseAttempt("the attempt is not queued yet"),
            Ignore(HeartbeatReceived), Ignore(ServiceReady), Ignore(AttemptCompleted), Ignore(AttemptFailed),
            Ignore(HeartbeatLost), Ignore(DeadlinePassed), Ignore(Aged));

        During(Running,
            When(CancelRequested).RejectCommand("only a pending job can be cancelled; stop a running job instead"),
            When(StopRequested).RequestStop(job).TransitionTo(Stopping).StopOnExecutor().AcceptCommand(),
            When(AttemptStartRequested).RefuseAttempt("the job is already running"),
            When(HeartbeatReceived, IsCurrent).RecordHeartbeat(),
            When(ServiceReady, IsCurrent).RecordService(),
            When(AttemptCompleted, IsCurrent)
                .RecordExit()
                .IfElse(ExitedCleanly,
                    completed => completed.TransitionTo(Completed).PublishCompleted(),
                    exited => RetryOrFail(exited, RetriesExit, job)),
            RetryOrFail(When(AttemptFailed, IsCurrent).RecordFailure(), RetriesFailure, job),
            RetryOrFail(When(HeartbeatLost, IsCurrent).RecordLost().StopOnExecutor(), RetriesLoss, job),
            When(DeadlinePassed, IsCurrent)
                .RecordTimeout()
                .StopOnExecutor()
                .TransitionTo(Failed)
                .PublishFailed(),
            Ignore(RetryDue), Ignore(Aged));

        // The executor's last word on a stopped attempt, or supervision's when none comes, ends the stop.
        During(Stopping,
            When(CancelRequested).RejectCommand("only a pending job can be cancelled; the job is being stopped"),
            When(StopRequested).AcceptCommand(),
            When(AttemptStartRequested).RefuseAttempt("the job is being stopped"),
            When(AttemptCompleted, IsCurrent).RecordStoppedOutput().TransitionTo(Cancelled).PublishCancelled(),
            When(AttemptFailed, IsCurrent).RecordStoppedFailure().TransitionTo(Cancelled).PublishCancelled(),
            When(HeartbeatLost, IsCurrent).EndStopUnconfirmed().TransitionTo(Cancelled).PublishCancelled(),
            When(DeadlinePassed, IsCurrent).EndStopUnconfirmed().TransitionTo(Cancelled).PublishCancelled(),
            Ignore(HeartbeatReceived), Ignore(ServiceReady), Ignore(RetryDue), Ignore(Aged));

        During(Completed, Failed, Cancelled,
            When(CancelRequested).RejectCommand("the job has finished"),
            When(StopRequested).RejectCommand("the job has finished"),
            When(AttemptStartRequested).RefuseAttempt("the job has finished"),
            Ignore(HeartbeatReceived), Ignore(ServiceReady), Ignore(AttemptCompleted), Ignore(AttemptFailed),
            Ignore(RetryDue), Ignore(HeartbeatLost), Ignore(DeadlinePassed), Ignore(Aged));
    }

    /// <summary>Every message names its job; one naming no saga goes as <paramref name="missing"/> says.</summary>
    void CorrelateByJob<T>(
        Expression<Func<Event<T>>> @event,
        Func<IMissingInstanceConfigurator<JobLifecycleState, T>, IPipe<ConsumeContext<T>>>? missing = null)
        where T : class, IJobMessage =>
        Event(@event, e =>
        {
            e.CorrelateById(c => c.Message.JobId);
            if (missing is not null)
                e.OnMissingInstance(missing);
        });

    /// <summary>An external job's last record: completed or failed as it says.</summary>
    EventActivityBinder<JobLifecycleState, RecordExternalJob> EndExternally(
        EventActivityBinder<JobLifecycleState, RecordExternalJob> binder) =>
        binder.IfElse(RecordsSuccess,
            succeeded => succeeded.EndExternal().TransitionTo(Completed).PublishCompleted(),
            failed => failed.EndExternal().TransitionTo(Failed).PublishFailed());

    /// <summary>An attempt ended without success: the job waits for another if it may retry, else fails.</summary>
    EventActivityBinder<JobLifecycleState, T> RetryOrFail<T>(
        EventActivityBinder<JobLifecycleState, T> binder,
        StateMachineCondition<JobLifecycleState, T> retries,
        JobLifecycleBehaviors job) where T : class =>
        binder.IfElse(retries,
            retry => retry.ScheduleRetry(job).TransitionTo(Waiting).PublishRetryScheduled(),
            fail => fail.TransitionTo(Failed).PublishFailed());
}
