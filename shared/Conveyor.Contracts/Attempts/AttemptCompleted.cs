using Conveyor.Contracts.Jobs;

namespace Conveyor.Contracts.Attempts;

/// <summary>The attempt's process ran to its end; the exit code decides whether the job completed or failed.</summary>
public sealed record AttemptCompleted : IAttemptMessage
{
    public required Guid JobId { get; init; }
    public required Guid AttemptId { get; init; }
    public required int ExitCode { get; init; }
    public required string Stdout { get; init; }
    public required string Stderr { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>Why a non-zero exit failed the job, in words (for a pipeline, the step that failed); null lets the scheduler say it.</summary>
    public string? Error { get; init; }

    /// <summary>A pipeline's intermediate results, one per step that ran.</summary>
    public IReadOnlyList<StepResult> Steps { get; init; } = [];
}
