using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Notifications.Webhooks.Payloads;
using Conveyor.Persistence.Webhooks;

namespace Conveyor.Notifications.Webhooks;

/// <summary>Maps each bus event onto the webhook event it becomes.</summary>
public static class JobEventNotices
{
    public static JobEventNotice Of(JobSubmitted message) => new()
    {
        Event = WebhookEvents.Submitted, JobId = message.JobId, Status = "pending", OccurredAt = message.CreatedAt, Type = message.Type,
        Job = message.Job,
    };

    public static JobEventNotice Of(AttemptStarted message) => new()
    {
        Event = WebhookEvents.Started, JobId = message.JobId, Status = "running", OccurredAt = message.StartedAt, Type = message.Job?.Type,
        Job = message.Job,
        Attempt = new WebhookAttempt(message.AttemptId, message.ExecutorId),
    };

    // The message says when the retry is due, not when it was decided; the publish time stands in for the latter.
    public static JobEventNotice Of(JobRetryScheduled message, DateTime sentAt) => new()
    {
        Event = WebhookEvents.Retried, JobId = message.JobId, Status = "pending", OccurredAt = new DateTimeOffset(sentAt.ToUniversalTime()), Type = message.Type,
        Job = message.Job,
        Retry = new WebhookRetry(message.NextAttemptNumber, message.RetryAt.UtcDateTime, message.Reason),
    };

    public static JobEventNotice Of(JobCompleted message) => new()
    {
        Event = WebhookEvents.Completed, JobId = message.JobId, Status = "completed", OccurredAt = message.CompletedAt, Type = message.Type,
        Job = message.Job,
        Result = new WebhookResult(message.ExitCode, null, null),
    };

    public static JobEventNotice Of(JobFailed message) => new()
    {
        Event = WebhookEvents.Failed, JobId = message.JobId, Status = "failed", OccurredAt = message.FailedAt, Type = message.Type,
        Job = message.Job,
        Result = new WebhookResult(message.ExitCode, message.Error, null),
    };

    public static JobEventNotice Of(JobCancelled message) => new()
    {
        Event = WebhookEvents.Cancelled, JobId = message.JobId, Status = "cancelled", OccurredAt = message.CancelledAt, Type = message.Type,
        Job = message.Job,
        Result = new WebhookResult(null, null, message.Reason),
    };
}
