namespace Conveyor.Contracts.Attempts;

/// <summary>Published by the scheduler when a running attempt must end (stop, timeout, lost): the executor running it kills it.</summary>
public sealed record StopAttempt(Guid JobId, Guid AttemptId, string Reason);
