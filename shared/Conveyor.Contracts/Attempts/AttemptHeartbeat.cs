namespace Conveyor.Contracts.Attempts;

/// <summary>A running attempt is alive on its executor. Sent every few seconds; a silent attempt is declared lost.</summary>
public sealed record AttemptHeartbeat(Guid JobId, Guid AttemptId, string ExecutorId, DateTimeOffset At) : IAttemptMessage;
