namespace Conveyor.Api.Executors;

/// <summary>What the job's row says about an executor's report: it holds the running attempt, or why not.</summary>
public enum HolderVerdict
{
    /// <summary>The executor holds the job's current, running attempt: its report counts.</summary>
    Holds,
    UnknownJob,

    /// <summary>Another executor holds the running attempt, or this one held an earlier attempt that has since ended.</summary>
    NotHolder,

    /// <summary>The job is not running and this executor never held what it has now (e.g. completing a job twice).</summary>
    NotRunning,
}

public sealed record HolderCheck(HolderVerdict Verdict, Guid JobId, Guid? AttemptId, string Status)
{
    /// <summary>A stop was requested for the held attempt: the executor should end its work and report.</summary>
    public bool StopRequested { get; init; }
}
