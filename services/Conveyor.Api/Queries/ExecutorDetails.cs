using Conveyor.Contracts.Executors;

namespace Conveyor.Api.Queries;

/// <summary>Seed 003's executor (the first five fields), then what the registry knows besides: state, capacity, profile.</summary>
public sealed record ExecutorDetails
{
    public required string ExecutorId { get; init; }
    public Guid? CurrentJobId { get; init; }
    public string? JobType { get; init; }
    public required DateTime LastHeartbeat { get; init; }
    public required long JobsCompleted { get; init; }

    /// <summary><c>active</c>, <c>draining</c> (shutting down), <c>lost</c> (silent) or <c>stopped</c>.</summary>
    public required string Status { get; init; }
    public required long JobsFailed { get; init; }
    public required string Pool { get; init; }
    public required int Slots { get; init; }
    public required int FreeSlots { get; init; }
    public required IReadOnlyList<RunningAttemptInfo> RunningAttempts { get; init; }
    public required DateTime RegisteredAt { get; init; }
    public required ExecutorProfile Profile { get; init; }
}
