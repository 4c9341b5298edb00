using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Messaging.Topology;
using Conveyor.Persistence.Jobs;
using Conveyor.Scheduler.Supervision;
using MassTransit;

namespace Conveyor.Scheduler.StateMachines;

/// <summary>The questions the state machine asks before it moves a job.</summary>
public static class JobLifecycleConditions
{
    /// <summary>
    /// The message is about the job's current attempt. Reports on any other attempt (a duplicate delivery, an attempt
    /// already retried, an executor's late word) change nothing.
    /// </summary>
    public static bool IsCurrent<T>(BehaviorContext<JobLifecycleState, T> context) where T : class, IAttemptMessage =>
        context.Message.AttemptId == context.Saga.CurrentAttemptId;

    public static bool ExitedCleanly(BehaviorContext<JobLifecycleState, AttemptCompleted> context) =>
        context.Message.ExitCode == 0;

    public static bool HasAttemptsLeft(JobLifecycleState job) => job.AttemptCount < job.MaxAttempts;

    /// <summary>A non-zero exit is retried only when the job asked for it and has attempts left.</summary>
    public static bool RetriesExit(BehaviorContext<JobLifecycleState, AttemptCompleted> context) =>
        context.Saga.RetryOnFailure && HasAttemptsLeft(context.Saga);

    /// <summary>A failure to run is retried if the executor says it may be and attempts are left.</summary>
    public static bool RetriesFailure(BehaviorContext<JobLifecycleState, AttemptFailed> context) =>
        context.Message.Retryable && HasAttemptsLeft(context.Saga);

    public static bool RetriesLoss(BehaviorContext<JobLifecycleState, AttemptHeartbeatLost> context) =>
        HasAttemptsLeft(context.Saga);

    /// <summary>The job runs outside Conveyor and is only recorded here.</summary>
    public static bool IsExternal<T>(BehaviorContext<JobLifecycleState, T> context) where T : class =>
        context.Saga.Pool == ExecutionQueues.ExternalPool;

    public static bool RecordsAnEnd(BehaviorContext<JobLifecycleState, RecordExternalJob> context) =>
        context.Message.Status != ExternalJobStatus.Running;

    public static bool RecordsSuccess(BehaviorContext<JobLifecycleState, RecordExternalJob> context) =>
        context.Message.Status == ExternalJobStatus.Succeeded;

    /// <summary>Aging raises a queued attempt's priority; a signal that would not raise it is stale.</summary>
    public static bool RaisesPriority(BehaviorContext<JobLifecycleState, PriorityAged> context) =>
        IsCurrent(context) && context.Message.Priority > context.Saga.DispatchPriority;
}
