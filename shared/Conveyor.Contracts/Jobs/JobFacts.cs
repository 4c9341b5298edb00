namespace Conveyor.Contracts.Jobs;

/// <summary>
/// What every lifecycle event says about its job as it stands after the transition, so that subscribers (webhooks, live
/// streams, outside services) filter and describe the job without reading the scheduler's table.
/// </summary>
public sealed record JobFacts
{
    public required string Type { get; init; }
    public required JobPriority Priority { get; init; }

    /// <summary>The API key's name that submitted the job; null when the API runs without keys.</summary>
    public string? Owner { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Attempts opened so far, the current one included.</summary>
    public required int Attempts { get; init; }
}
