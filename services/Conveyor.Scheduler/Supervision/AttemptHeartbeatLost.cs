using Conveyor.Contracts.Attempts;

namespace Conveyor.Scheduler.Supervision;

/// <summary>The executor running this attempt has been silent longer than the heartbeat timeout.</summary>
public sealed record AttemptHeartbeatLost(Guid JobId, Guid AttemptId) : IAttemptMessage;
