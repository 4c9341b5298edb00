using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Scheduler.Supervision;

namespace Conveyor.Scheduler.Tests;

/// <summary>The message behind each <see cref="JobEvent"/>, for one job.</summary>
public static class JobEventMessages
{
    public static object For(JobEvent @event, Guid jobId, Guid currentAttemptId, Guid staleAttemptId) => @event switch
    {
        JobEvent.SubmitAgain => SubmitJobs.For(jobId),
        JobEvent.RecordedAsExternal => new RecordExternalJob(jobId, "infernet", ExternalJobStatus.Succeeded, ["echo"], DateTimeOffset.UtcNow),
        JobEvent.Cancel => JobCommands.Cancel(jobId),
        JobEvent.Stop => JobCommands.Stop(jobId),
        JobEvent.StartCurrentAttempt => AttemptMessages.Start(jobId, currentAttemptId),
        JobEvent.StartOtherAttempt => AttemptMessages.Start(jobId, staleAttemptId),
        JobEvent.CurrentAttemptBeats => AttemptMessages.Heartbeat(jobId, currentAttemptId),
        JobEvent.StaleAttemptBeats => AttemptMessages.Heartbeat(jobId, staleAttemptId),
        JobEvent.CurrentAttemptServes => new AttemptServiceReady(jobId, currentAttemptId, 0, "http://127.0.0.1:8000"),
        JobEvent.StaleAttemptServes => new AttemptServiceReady(jobId, staleAttemptId, 0, "http://127.0.0.1:8000"),
        JobEvent.CurrentAttemptExitsZero => AttemptMessages.Completed(jobId, currentAttemptId, exitCode: 0),
        JobEvent.CurrentAttemptExitsNonZero => AttemptMessages.Completed(jobId, currentAttemptId, exitCode: 2),
        JobEvent.CurrentAttemptFails => AttemptMessages.Failed(jobId, currentAttemptId),
        JobEvent.CurrentAttemptFailsRetryably => AttemptMessages.Failed(jobId, currentAttemptId, retryable: true),
        JobEvent.StaleAttemptExitsZero => AttemptMessages.Completed(jobId, staleAttemptId, exitCode: 0),
        JobEvent.StaleAttemptExitsNonZero => AttemptMessages.Completed(jobId, staleAttemptId, exitCode: 2),
        JobEvent.StaleAttemptFails => AttemptMessages.Failed(jobId, staleAttemptId),
        JobEvent.StaleAttemptFailsRetryably => AttemptMessages.Failed(jobId, staleAttemptId, retryable: true),
        JobEvent.RetryDueForCurrentAttempt => new RetryDue(jobId, currentAttemptId),
        JobEvent.RetryDueForStaleAttempt => new RetryDue(jobId, staleAttemptId),
        JobEvent.CurrentAttemptHeartbeatLost => new AttemptHeartbeatLost(jobId, currentAttemptId),
        JobEvent.StaleAttemptHeartbeatLost => new AttemptHeartbeatLost(jobId, staleAttemptId),
        JobEvent.CurrentAttemptDeadlinePassed => new AttemptDeadlinePassed(jobId, currentAttemptId),
        JobEvent.StaleAttemptDeadlinePassed => new AttemptDeadlinePassed(jobId, staleAttemptId),
        // The scenario's job is background: foreground is above it.
        JobEvent.CurrentAttemptAged => new PriorityAged(jobId, currentAttemptId, JobPriority.Foreground),
        JobEvent.StaleAttemptAged => new PriorityAged(jobId, staleAttemptId, JobPriority.Foreground),
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event, null),
    };
}
