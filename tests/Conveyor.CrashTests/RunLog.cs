namespace Conveyor.CrashTests;

/// <summary>
/// The jobs' own record of their runs: each run appends "&lt;token&gt; end" when it finishes. A token that ended twice
/// ran to completion twice, which the platform must never allow.
/// </summary>
public sealed class RunLog
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"conveyor-runs-{Guid.NewGuid():N}.log");

    public IReadOnlyDictionary<string, int> Completions()
    {
        if (!File.Exists(Path))
            return new Dictionary<string, int>();
        return File.ReadAllLines(Path)
            .Select(line => line.Split(' '))
            .Where(parts => parts.Length == 2 && parts[1] == "end")
            .GroupBy(parts => parts[0])
            .ToDictionary(group => group.Key, group => group.Count());
    }
}
