namespace Conveyor.Notifications.Webhooks.Payloads;

/// <summary>The attempt a <c>started</c> event is about.</summary>
public sealed record WebhookAttempt(Guid Id, string ExecutorId);
