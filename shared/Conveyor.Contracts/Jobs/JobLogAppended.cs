namespace Conveyor.Contracts.Jobs;

/// <summary>Lines a running attempt printed, batched by the executor; <see cref="Stream"/> is "stdout" or "stderr".</summary>
public sealed record JobLogAppended
{
    public required Guid JobId { get; init; }
    public required Guid AttemptId { get; init; }
    public required string Stream { get; init; }
    public required IReadOnlyList<string> Lines { get; init; }
    public required DateTimeOffset At { get; init; }

    /// <summary>The pipeline step that printed them (0 for a job of one step).</summary>
    public int StepIndex { get; init; }
}
