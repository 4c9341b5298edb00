namespace Conveyor.Contracts.Jobs;

public sealed record JobCommandAccepted(Guid JobId, string Status);
