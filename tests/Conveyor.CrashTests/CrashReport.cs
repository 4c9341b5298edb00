namespace Conveyor.CrashTests;

/// <summary>Collects one row per scenario and writes the markdown table when the suite ends (infra/scripts/test.sh prints it).</summary>
public sealed class CrashReport : IDisposable
{
    readonly List<ScenarioOutcome> outcomes = [];

    public static string TablePath => Path.Combine(AppContext.BaseDirectory, "crash-consistency.md");

    public void Add(ScenarioOutcome outcome)
    {
        lock (outcomes)
        {
            outcomes.Add(outcome);
            File.WriteAllText(TablePath, Table());
        }
    }

    public string Table() => ScenarioOutcome.Header + "\n" + string.Join("\n", outcomes.Select(o => o.ToRow())) + "\n";

    public void Dispose() => Console.WriteLine(Table());
}
