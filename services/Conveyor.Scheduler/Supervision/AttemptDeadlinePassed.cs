using Conveyor.Contracts.Attempts;

namespace Conveyor.Scheduler.Supervision;

/// <summary>The attempt has run past its job's timeout (or a stop was not confirmed in time).</summary>
public sealed record AttemptDeadlinePassed(Guid JobId, Guid AttemptId) : IAttemptMessage;
