using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using MassTransit;

namespace Conveyor.Api.Streams;

/// <summary>Hears lifecycle events and log lines on this instance's own queue and hands them to the stream clients.</summary>
public sealed class LiveEventRelay(LiveEventHub hub, RecentJobLogs recentLogs) :
    IConsumer<JobSubmitted>, IConsumer<AttemptStarted>, IConsumer<JobRetryScheduled>,
    IConsumer<JobCompleted>, IConsumer<JobFailed>, IConsumer<JobCancelled>, IConsumer<JobLogAppended>
{
    public Task Consume(ConsumeContext<JobSubmitted> context) =>
        Status(context.Message.JobId, context.Message.Job, "submitted", "pending", context.Message.CreatedAt, change => change);

    public Task Consume(ConsumeContext<AttemptStarted> context) =>
        Status(context.Message.JobId, context.Message.Job, "started", "running", context.Message.StartedAt,
            change => change with { AttemptId = context.Message.AttemptId, ExecutorId = context.Message.ExecutorId });

    public Task Consume(ConsumeContext<JobRetryScheduled> context) =>
        Status(context.Message.JobId, context.Message.Job, "retried", "pending", new DateTimeOffset((context.SentTime ?? DateTime.UtcNow).ToUniversalTime()),
            change => change with { Reason = context.Message.Reason, RetryAt = context.Message.RetryAt.UtcDateTime });

    public Task Consume(ConsumeContext<JobCompleted> context) =>
        Status(context.Message.JobId, context.Message.Job, "completed", "completed", context.Message.CompletedAt, change => change with { ExitCode = context.Message.ExitCode });

    public Task Consume(ConsumeContext<JobFailed> context) =>
        Status(context.Message.JobId, context.Message.Job, "failed", "failed", context.Message.FailedAt,
            change => change with { ExitCode = context.Message.ExitCode, Error = context.Message.Error });

    public Task Consume(ConsumeContext<JobCancelled> context) =>
        Status(context.Message.JobId, context.Message.Job, "cancelled", "cancelled", context.Message.CancelledAt, change => change with { Reason = context.Message.Reason });

    public Task Consume(ConsumeContext<JobLogAppended> context)
    {
        var log = context.Message;
        var lines = new JobLogLines(log.JobId, log.AttemptId, log.Stream, log.Lines, log.At.UtcDateTime, log.StepIndex);
        // Kept before it goes out, so that a client reading the kept lines after subscribing misses none.
        recentLogs.Record(lines);
        hub.Publish(new LiveJobEvent(log.JobId, LiveJobEvent.LogEvent, lines, log.At));
        return Task.CompletedTask;
    }

    Task Status(Guid jobId, JobFacts? job, string name, string status, DateTimeOffset occurredAt,
        Func<JobStatusChange, JobStatusChange> details)
    {
        var change = details(new JobStatusChange { JobId = jobId, Event = name, Status = status, OccurredAt = occurredAt.UtcDateTime });
        var live = new LiveJobEvent(jobId, LiveJobEvent.StatusEvent, change, occurredAt, status, job);
        hub.Publish(live);
        if (live.IsTerminal)
            recentLogs.Forget(jobId);
        return Task.CompletedTask;
    }
}
