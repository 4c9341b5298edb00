using Conveyor.Contracts.Jobs;

namespace Conveyor.Api.Subscriptions;

/// <summary>A validated request to subscribe; <see cref="Secret"/> is null when the caller left it to Conveyor.</summary>
public sealed record SubscriptionRequest
{
    public required string Url { get; init; }
    public required IReadOnlyList<string> Events { get; init; }
    public string? JobType { get; init; }
    public JobPriority? Priority { get; init; }
    public string? Owner { get; init; }
    public string? Secret { get; init; }
}
