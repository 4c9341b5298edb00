namespace Conveyor.Contracts.Jobs;

/// <summary>The scheduler's answer to <see cref="SubmitJobBatch"/>: every job of the batch is stored and will not be lost.</summary>
public sealed record JobBatchAccepted(IReadOnlyList<Guid> JobIds);
