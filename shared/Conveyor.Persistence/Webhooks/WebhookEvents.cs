namespace Conveyor.Persistence.Webhooks;

/// <summary>The job events a subscription can ask for, as they are spelled in subscriptions and in delivered bodies.</summary>
public static class WebhookEvents
{
    public const string Submitted = "submitted";
    public const string Started = "started";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Retried = "retried";

    public static IReadOnlyList<string> All { get; } = [Submitted, Started, Completed, Failed, Cancelled, Retried];
}
