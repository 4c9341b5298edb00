namespace Conveyor.Contracts.Jobs;

/// <summary>Stops a job: a waiting one is cancelled at once, a running one is killed on its executor and then cancelled.</summary>
public sealed record StopJob(Guid JobId, string Reason) : IJobMessage;
