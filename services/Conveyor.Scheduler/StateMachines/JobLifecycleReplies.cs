using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;
using Conveyor.Persistence.Outbox;
using MassTransit;

namespace Conveyor.Scheduler.StateMachines;

/// <summary>Answers to requests. They leave through the outbox, so nobody hears an answer the database then forgets.</summary>
public static class JobLifecycleReplies
{
    public static Task Accept(BehaviorContext<JobLifecycleState, SubmitJob> context) =>
        context.RespondAfterCommit(new JobAccepted(context.Saga.CorrelationId, context.Saga.CreatedAt), context.Saga.CorrelationId);

    public static async Task Grant(BehaviorContext<JobLifecycleState, StartAttempt> context)
    {
        var job = context.Saga;
        // The event before the grant: the outbox sends a transition's messages in order, each confirmed before the next,
        // so `started` is with its subscribers before the executor can run the job and report its end. Granted first, a
        // trivial job's `completed` could reach a subscriber's queue ahead of its `started` whenever the scheduler paused
        // between the two sends.
        var started = new AttemptStarted(job.CorrelationId, context.Message.AttemptId, context.Message.ExecutorId,
            job.CurrentAttempt!.StartedAt!.Value) { Job = JobLifecycleEvents.Facts(job) };
        await context.PublishAfterCommit(started, job.CorrelationId);
        await context.RespondAfterCommit(new AttemptGranted(job.CorrelationId, context.Message.AttemptId), job.CorrelationId);
    }

    public static Task Refuse(BehaviorContext<JobLifecycleState, StartAttempt> context, string reason) =>
        context.RespondAfterCommit(new AttemptRefused(context.Saga.CorrelationId, context.Message.AttemptId, reason), context.Saga.CorrelationId);

    public static Task RefuseUnknown(ConsumeContext<StartAttempt> context) =>
        context.RespondAfterCommit(new AttemptRefused(context.Message.JobId, context.Message.AttemptId, "unknown job"), context.Message.JobId);

    public static Task Accepted<T>(BehaviorContext<JobLifecycleState, T> context) where T : class =>
        context.RespondAfterCommit(new JobCommandAccepted(context.Saga.CorrelationId, PublicStatus.Of(context.Saga.CurrentState)), context.Saga.CorrelationId);

    public static Task Rejected<T>(BehaviorContext<JobLifecycleState, T> context, string reason) where T : class =>
        context.RespondAfterCommit(new JobCommandRejected(context.Saga.CorrelationId, PublicStatus.Of(context.Saga.CurrentState), reason), context.Saga.CorrelationId);

    public static Task NotFound<T>(ConsumeContext<T> context) where T : class, IJobMessage =>
        context.RespondAfterCommit(new JobNotFound(context.Message.JobId), context.Message.JobId);
}
