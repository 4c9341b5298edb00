namespace Conveyor.Api.Endpoints.V1.Jobs;

/// <summary>Seed 003's bulk cancel answer; <c>errors</c> holds one entry per job not cancelled, in the order given.</summary>
public sealed record BulkCancelResult(int Cancelled, int Failed, IReadOnlyList<BulkCancelError> Errors);

/// <summary>Why one job was not cancelled: its <c>status</c> when it is not pending, null when it is unknown.</summary>
public sealed record BulkCancelError(Guid JobId, string Error, string? Status);
