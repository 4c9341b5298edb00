using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;
using Conveyor.Persistence.Outbox;
using MassTransit;

namespace Conveyor.Scheduler.StateMachines;

/// <summary>What subscribers hear. Each terminal event is published once, on the one transition into a terminal state.</summary>
public static class JobLifecycleEvents
{
    public static Task Submitted(BehaviorContext<JobLifecycleState> context) =>
        Publish(context, new JobSubmitted(context.Saga.CorrelationId, context.Saga.Type, context.Saga.Priority, context.Saga.CreatedAt)
        {
            Job = Facts(context.Saga),
        });

    public static Task Completed(BehaviorContext<JobLifecycleState> context) => Publish(context, new JobCompleted
    {
        JobId = context.Saga.CorrelationId,
        Type = context.Saga.Type,
        ExitCode = context.Saga.ExitCode ?? 0,
        CompletedAt = context.Saga.CompletedAt!.Value,
        Job = Facts(context.Saga),
    });

    public static Task Failed(BehaviorContext<JobLifecycleState> context) => Publish(context, new JobFailed
    {
        JobId = context.Saga.CorrelationId,
        Type = context.Saga.Type,
        ExitCode = context.Saga.ExitCode,
        Error = context.Saga.Error ?? "failed",
        FailedAt = context.Saga.CompletedAt!.Value,
        Job = Facts(context.Saga),
    });

    public static Task Cancelled(BehaviorContext<JobLifecycleState> context) => Publish(context, new JobCancelled
    {
        JobId = context.Saga.CorrelationId,
        Type = context.Saga.Type,
        Reason = context.Saga.Error ?? "cancelled",
        CancelledAt = context.Saga.CompletedAt ?? DateTimeOffset.UtcNow,
        Job = Facts(context.Saga),
    });

    public static Task RetryScheduled(BehaviorContext<JobLifecycleState> context) => Publish(context, new JobRetryScheduled
    {
        JobId = context.Saga.CorrelationId,
        Type = context.Saga.Type,
        NextAttemptNumber = context.Saga.AttemptCount,
        Reason = context.Saga.Error ?? "retrying",
        RetryAt = context.Saga.NextAttemptAt!.Value,
        Job = Facts(context.Saga),
    });

    /// <summary>The job as subscribers filter and describe it.</summary>
    public static JobFacts Facts(JobLifecycleState job) => new()
    {
        Type = job.Type,
        Priority = job.Priority,
        Owner = job.Owner,
        CreatedAt = job.CreatedAt,
        StartedAt = job.StartedAt,
        CompletedAt = job.CompletedAt,
        Attempts = job.AttemptCount,
    };

    static Task Publish<T>(BehaviorContext<JobLifecycleState> context, T message) where T : class =>
        context.PublishAfterCommit(message, context.Saga.CorrelationId);
}
