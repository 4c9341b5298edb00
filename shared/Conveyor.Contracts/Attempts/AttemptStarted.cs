namespace Conveyor.Contracts.Attempts;

public sealed record AttemptStarted(Guid JobId, Guid AttemptId, string ExecutorId, DateTimeOffset StartedAt);
