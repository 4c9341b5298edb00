namespace Conveyor.Contracts.Executors;

/// <summary>An executor is alive: what it runs now and how many more attempts it can take. Published every few seconds.</summary>
public sealed record ExecutorHeartbeat
{
    public required string ExecutorId { get; init; }
    public required string Pool { get; init; }
    public required int Slots { get; init; }
    public required int FreeSlots { get; init; }
    public IReadOnlyList<RunningAttemptInfo> RunningAttempts { get; init; } = [];

    /// <summary>Attempts that ended with exit code 0 since the executor started.</summary>
    public long JobsCompleted { get; init; }

    /// <summary>Attempts that ended otherwise since the executor started.</summary>
    public long JobsFailed { get; init; }

    /// <summary>True once the executor has stopped taking work and is finishing or handing back what it runs.</summary>
    public bool Draining { get; init; }

    /// <summary>The executor's profile again, so that a registry that missed its registration (it started later) has it at once.</summary>
    public ExecutorProfile Profile { get; init; } = new();
    public required DateTimeOffset At { get; init; }
}
