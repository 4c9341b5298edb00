namespace Conveyor.Contracts.Executors;

/// <summary>An executor started (or refreshes its profile). Published again periodically, so a registry that missed it catches up.</summary>
public sealed record ExecutorRegistered(string ExecutorId, ExecutorProfile Profile, DateTimeOffset At);
