using System.Text.Json.Serialization;

namespace Conveyor.Api.Subscriptions;

/// <summary>A subscription as the API shows it.</summary>
public sealed record SubscriptionView
{
    public required Guid Id { get; init; }
    public required string Url { get; init; }
    public required IReadOnlyList<string> Events { get; init; }
    public string? JobType { get; init; }
    public string? Priority { get; init; }
    public string? Owner { get; init; }

    /// <summary>Shown once, in the answer to the create, and never again.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Secret { get; init; }

    public required DateTime CreatedAt { get; init; }
}
