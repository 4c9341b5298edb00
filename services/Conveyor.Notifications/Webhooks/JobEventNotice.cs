using Conveyor.Contracts.Jobs;
using Conveyor.Notifications.Webhooks.Payloads;

namespace Conveyor.Notifications.Webhooks;

/// <summary>A lifecycle event in the terms of a webhook: its name, the status it moved the job to, and what the body says about it.</summary>
public sealed record JobEventNotice
{
    public required string Event { get; init; }
    public required Guid JobId { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The job as the event describes it (type, priority, owner, times); what filters and the body use.</summary>
    public JobFacts? Job { get; init; }

    /// <summary>The job's type: from its facts, else from the message itself.</summary>
    public string? Type { get; init; }

    public WebhookAttempt? Attempt { get; init; }
    public WebhookResult? Result { get; init; }
    public WebhookRetry? Retry { get; init; }
}
