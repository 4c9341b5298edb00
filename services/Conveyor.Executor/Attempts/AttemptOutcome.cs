using Conveyor.Contracts.Jobs;

namespace Conveyor.Executor.Attempts;

/// <summary>How a whole attempt ended, before it becomes <c>AttemptCompleted</c> or <c>AttemptFailed</c>.</summary>
public sealed record AttemptOutcome
{
    /// <summary>Set when the work ran to its end (for a pipeline: the last step that ran).</summary>
    public int? ExitCode { get; init; }
    public string Stdout { get; init; } = "";
    public string Stderr { get; init; } = "";
    public string? Error { get; init; }
    public bool Retryable { get; init; }
    public IReadOnlyList<StepResult> Steps { get; init; } = [];

    public static AttemptOutcome Of(StepOutcome step) => new()
    {
        ExitCode = step.ExitCode,
        Stdout = step.Stdout,
        Stderr = step.Stderr,
        Error = step.Error,
        Retryable = step.Retryable,
    };
}
