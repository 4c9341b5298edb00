namespace Conveyor.Contracts.Attempts;

/// <summary>The attempt must not run: it is not the job's current attempt, or the job is no longer waiting.</summary>
public sealed record AttemptRefused(Guid JobId, Guid AttemptId, string Reason);
