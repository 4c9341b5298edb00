namespace Conveyor.Contracts.Jobs;

/// <summary>An attempt failed for a reason worth retrying; the next attempt is queued at <see cref="RetryAt"/>.</summary>
public sealed record JobRetryScheduled
{
    public required Guid JobId { get; init; }
    public required string Type { get; init; }
    public required int NextAttemptNumber { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset RetryAt { get; init; }

    /// <summary>The job as it stands after this event; null only from publishers older than the field.</summary>
    public JobFacts? Job { get; init; }
}
