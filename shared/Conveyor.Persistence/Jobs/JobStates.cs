namespace Conveyor.Persistence.Jobs;

/// <summary>
/// The names of the saga's states as they are stored in <c>jobs.current_state</c>. The state machine lives in the
/// scheduler, but the API and the scheduler's sweeper query these names in SQL, so they are named once here, beside the
/// saga's row; a scheduler test checks that they are exactly the machine's states.
/// </summary>
public static class JobStates
{
    public const string Pending = "Pending";
    public const string Waiting = "Waiting";
    public const string Running = "Running";
    public const string Stopping = "Stopping";
    public const string Completed = "Completed";
    public const string Failed = "Failed";
    public const string Cancelled = "Cancelled";

    public static IReadOnlyList<string> All { get; } = [Pending, Waiting, Running, Stopping, Completed, Failed, Cancelled];

    /// <summary>An attempt is out on an executor: it runs, or it is being stopped.</summary>
    public static string[] OnExecutor { get; } = [Running, Stopping];

    /// <summary>The job has ended and never moves again.</summary>
    public static string[] Finished { get; } = [Completed, Failed, Cancelled];
}
