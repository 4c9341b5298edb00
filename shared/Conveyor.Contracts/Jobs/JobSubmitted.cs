namespace Conveyor.Contracts.Jobs;

public sealed record JobSubmitted(Guid JobId, string Type, JobPriority Priority, DateTimeOffset CreatedAt)
{
    /// <summary>The job as it stands after this event; null only from publishers older than the field.</summary>
    public JobFacts? Job { get; init; }
}
