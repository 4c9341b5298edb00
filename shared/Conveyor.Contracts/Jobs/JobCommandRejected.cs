namespace Conveyor.Contracts.Jobs;

/// <summary>The command does not apply to the job in its current public status (e.g. cancelling a running job).</summary>
public sealed record JobCommandRejected(Guid JobId, string Status, string Reason);
