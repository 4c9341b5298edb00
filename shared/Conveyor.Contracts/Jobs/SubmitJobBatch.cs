namespace Conveyor.Contracts.Jobs;

/// <summary>
/// Asks the scheduler to take ownership of many new jobs at once; answered by <see cref="JobBatchAccepted"/> once all of
/// them are durably recorded, in one transaction. Each job still goes through its own saga's submit transition.
/// </summary>
public sealed record SubmitJobBatch(IReadOnlyList<SubmitJob> Jobs);
