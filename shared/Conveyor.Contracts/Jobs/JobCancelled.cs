namespace Conveyor.Contracts.Jobs;

/// <summary>The job ended because it was cancelled (while waiting) or stopped (while running). Terminal.</summary>
public sealed record JobCancelled
{
    public required Guid JobId { get; init; }
    public required string Type { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset CancelledAt { get; init; }

    /// <summary>The job as it stands after this event; null only from publishers older than the field.</summary>
    public JobFacts? Job { get; init; }
}
