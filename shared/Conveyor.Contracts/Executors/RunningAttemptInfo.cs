namespace Conveyor.Contracts.Executors;

/// <summary>An attempt an executor is running now.</summary>
public sealed record RunningAttemptInfo(Guid JobId, Guid AttemptId, string JobType, DateTimeOffset StartedAt);
