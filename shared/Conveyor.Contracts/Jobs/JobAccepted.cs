namespace Conveyor.Contracts.Jobs;

/// <summary>The scheduler's answer to <see cref="SubmitJob"/>: the job is stored and will not be lost.</summary>
public sealed record JobAccepted(Guid JobId, DateTimeOffset CreatedAt);
