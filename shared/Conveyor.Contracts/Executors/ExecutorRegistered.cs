namespace Conveyor.Contracts.Executors;

/// <summary>An executor started, and this is what it is. Its heartbeats repeat the profile.</summary>
public sealed record ExecutorRegistered(string ExecutorId, ExecutorProfile Profile, DateTimeOffset At);
