namespace Conveyor.Contracts.Jobs;

public sealed record JobNotFound(Guid JobId);
