namespace Conveyor.Persistence.Jobs;

/// <summary>
/// Maps the saga's internal states onto the five statuses every API document names. A retry waiting for its backoff
/// is still pending to clients; a job being stopped is still running until its executor confirms.
/// </summary>
public static class PublicStatus
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static IReadOnlyList<string> All { get; } = [Pending, Running, Completed, Failed, Cancelled];

    public static string Of(string currentState) => currentState switch
    {
        JobStates.Running or JobStates.Stopping => Running,
        JobStates.Completed => Completed,
        JobStates.Failed => Failed,
        JobStates.Cancelled => Cancelled,
        _ => Pending,
    };

    /// <summary>The saga states behind a public status, for filtering in SQL.</summary>
    public static IReadOnlyList<string> StatesOf(string status) => status switch
    {
        Pending => [JobStates.Pending, JobStates.Waiting],
        Running => JobStates.OnExecutor,
        Completed => [JobStates.Completed],
        Failed => [JobStates.Failed],
        Cancelled => [JobStates.Cancelled],
        _ => [],
    };
}
