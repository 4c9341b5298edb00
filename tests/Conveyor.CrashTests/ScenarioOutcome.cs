namespace Conveyor.CrashTests;

public sealed record ScenarioOutcome(string Scenario, int Submitted, int Completed, int Failed, int Lost, int Duplicated, TimeSpan TimeToRecover, string Details)
{
    public string ToRow() => $"| {Scenario} | {Submitted} | {Completed} | {Failed} | {Lost} | {Duplicated} | {TimeToRecover.TotalSeconds:0.0} s |";

    public const string Header = "| scenario | submitted | completed | failed | lost | duplicated | time to recover |\n|---|---:|---:|---:|---:|---:|---:|";
}
