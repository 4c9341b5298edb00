namespace Conveyor.Contracts.Jobs;

/// <summary>Cancels a job that is still waiting (seed 003's DELETE). Answered by <see cref="JobCommandAccepted"/>, <see cref="JobCommandRejected"/> or <see cref="JobNotFound"/>.</summary>
public sealed record CancelJob(Guid JobId, string Reason) : IJobMessage;
