namespace Conveyor.Notifications.Webhooks.Payloads;

/// <summary>The outcome summary of a terminal event: exit code and error for completed or failed, the reason for cancelled.</summary>
public sealed record WebhookResult(int? ExitCode, string? Error, string? Reason);
