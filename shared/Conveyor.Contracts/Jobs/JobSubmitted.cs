namespace Conveyor.Contracts.Jobs;

public sealed record JobSubmitted(Guid JobId, string Type, JobPriority Priority, DateTimeOffset CreatedAt);
