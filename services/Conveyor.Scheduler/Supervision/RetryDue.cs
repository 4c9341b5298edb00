using Conveyor.Contracts.Attempts;

namespace Conveyor.Scheduler.Supervision;

/// <summary>The backoff of a job's waiting retry has passed: queue the attempt now.</summary>
public sealed record RetryDue(Guid JobId, Guid AttemptId) : IAttemptMessage;
