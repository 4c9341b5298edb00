namespace Conveyor.Contracts.Jobs;

/// <summary>The intermediate result of one pipeline step, kept whether it succeeded or not.</summary>
public sealed record StepResult
{
    public int Index { get; init; }
    public string Name { get; init; } = "";
    public JobKind Kind { get; init; }

    /// <summary><c>completed</c> when it exited zero, <c>failed</c> otherwise.</summary>
    public string Status { get; init; } = "";
    public int? ExitCode { get; init; }
    public string Stdout { get; init; } = "";
    public string Stderr { get; init; } = "";
    public string? Error { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset EndedAt { get; init; }
}
