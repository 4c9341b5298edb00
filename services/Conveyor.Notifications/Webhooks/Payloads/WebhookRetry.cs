namespace Conveyor.Notifications.Webhooks.Payloads;

/// <summary>What a <c>retried</c> event announces: which attempt comes next, when, and why the last one did not finish the job.</summary>
public sealed record WebhookRetry(int NextAttemptNumber, DateTime RetryAt, string Reason);
