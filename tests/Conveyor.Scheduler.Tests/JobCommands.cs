using Conveyor.Contracts.Jobs;

namespace Conveyor.Scheduler.Tests;

/// <summary>Builds what the API sends when a client cancels or stops a job.</summary>
public static class JobCommands
{
    public const string CancelReason = "cancelled by the client";
    public const string StopReason = "stopped by the client";

    public static CancelJob Cancel(Guid jobId) => new(jobId, CancelReason);

    public static StopJob Stop(Guid jobId) => new(jobId, StopReason);
}
