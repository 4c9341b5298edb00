namespace Conveyor.Contracts.Jobs;

public sealed record JobCompleted
{
    public required Guid JobId { get; init; }
    public required string Type { get; init; }
    public required int ExitCode { get; init; }
    public required DateTimeOffset CompletedAt { get; init; }

    /// <summary>The job as it stands after this event; null only from publishers older than the field.</summary>
    public JobFacts? Job { get; init; }
}
