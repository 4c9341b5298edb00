using Conveyor.Contracts.Jobs;

namespace Conveyor.Contracts.Attempts;

/// <summary>
/// A message about one attempt of one job. The saga acts on it only while <see cref="AttemptId"/> is the job's current
/// attempt, which is what makes duplicate, late and stale reports harmless.
/// </summary>
public interface IAttemptMessage : IJobMessage
{
    Guid AttemptId { get; }
}
