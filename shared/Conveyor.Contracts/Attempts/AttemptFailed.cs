using Conveyor.Contracts.Jobs;

namespace Conveyor.Contracts.Attempts;

/// <summary>The attempt could not run to its end (download, checksum, runtime error); nothing of the job's own exit code is known.</summary>
public sealed record AttemptFailed : IAttemptMessage
{
    public required Guid JobId { get; init; }
    public required Guid AttemptId { get; init; }
    public required string Error { get; init; }

    /// <summary>An infrastructure failure (download, engine error, executor shutting down): retried with backoff while attempts remain.</summary>
    public bool Retryable { get; init; }
    public string Stdout { get; init; } = "";
    public string Stderr { get; init; } = "";
    public required DateTimeOffset FailedAt { get; init; }

    /// <summary>A pipeline's intermediate results, one per step that ran.</summary>
    public IReadOnlyList<StepResult> Steps { get; init; } = [];
}
