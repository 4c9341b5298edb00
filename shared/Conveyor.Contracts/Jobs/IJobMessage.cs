namespace Conveyor.Contracts.Jobs;

/// <summary>
/// A message about one job, correlated to the job's saga by <see cref="JobId"/>. A marker for the scheduler's state
/// machine only: it is excluded from the broker's publish topology, so no exchange is made for it.
/// </summary>
public interface IJobMessage
{
    Guid JobId { get; }
}
