namespace Conveyor.CrashTests;

/// <param name="Restarts">Services that ended asking to be started again (their bus watchdog gave up) and were.</param>
public sealed record ScenarioOutcome(
    string Scenario, int Submitted, int Completed, int Failed, int Lost, int Duplicated, int Restarts, TimeSpan TimeToRecover, string Details)
{
    public string ToRow() =>
        $"| {Scenario} | {Submitted} | {Completed} | {Failed} | {Lost} | {Duplicated} | {Restarts} | {TimeToRecover.TotalSeconds:0.0} s |";

    public const string Header =
        "| scenario | submitted | completed | failed | lost | duplicated | watchdog restarts | time to recover |\n|---|---:|---:|---:|---:|---:|---:|---:|";
}
