using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;

namespace Conveyor.Scheduler.Supervision;

/// <summary>A queued attempt has waited long enough to move up to <paramref name="Priority"/>: send its work again at that priority.</summary>
public sealed record PriorityAged(Guid JobId, Guid AttemptId, JobPriority Priority) : IAttemptMessage;
