using Conveyor.Contracts.Jobs;

namespace Conveyor.Contracts.Attempts;

public sealed record AttemptStarted(Guid JobId, Guid AttemptId, string ExecutorId, DateTimeOffset StartedAt)
{
    /// <summary>The job as it stands after this event; null only from publishers older than the field.</summary>
    public JobFacts? Job { get; init; }
}
