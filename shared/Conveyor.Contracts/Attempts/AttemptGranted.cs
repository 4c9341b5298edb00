namespace Conveyor.Contracts.Attempts;

public sealed record AttemptGranted(Guid JobId, Guid AttemptId);
