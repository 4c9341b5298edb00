namespace Conveyor.Contracts.Jobs;

/// <summary>Work for an executor pool, sent to the pool's priority queue. Carries the attempt it is for.</summary>
public sealed record ExecuteJob
{
    public required Guid JobId { get; init; }
    public required Guid AttemptId { get; init; }
    public required int AttemptNumber { get; init; }
    public required JobDefinition Definition { get; init; }
}
