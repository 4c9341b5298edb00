namespace Conveyor.Contracts.Executors;

/// <summary>An executor shut down cleanly: everything it ran has finished or been handed back.</summary>
public sealed record ExecutorStopped(string ExecutorId, DateTimeOffset At);
