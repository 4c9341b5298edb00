namespace Conveyor.CrashTests;

/// <param name="Restarts">Services that ended asking to be started again (their bus watchdog gave up) and were.</param>
public sealed record ScenarioOutcome(
    string Scenario, int Submitted, int Completed, int Failed, int Lost, int Duplicated, int Restarts, TimeSpan TimeToRecover, string Details)
{
    /// <summary>Jobs whose attempts announced as started differ from the attempts the saga recorded (a lost update).</summary>
    public int UnrecordedTransitions { get; init; }

    /// <summary>Every attempt the saga recorded as started, with its executor and how it ended.</summary>
    public IReadOnlyList<(Guid JobId, Guid AttemptId, string? ExecutorId, string Status)> Attempts { get; init; } = [];

    /// <summary>Jobs whose script started more than once (after a lost executor, say).</summary>
    public int Reruns { get; init; }

    public string ToRow() =>
        $"| {Scenario} | {Submitted} | {Completed} | {Failed} | {Lost} | {Duplicated} | {Restarts} | {TimeToRecover.TotalSeconds:0.0} s |";

    public const string Header =
        "| scenario | submitted | completed | failed | lost | duplicated | watchdog restarts | time to recover |\n|---|---:|---:|---:|---:|---:|---:|---:|";
}
