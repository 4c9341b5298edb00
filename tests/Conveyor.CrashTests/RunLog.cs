namespace Conveyor.CrashTests;

/// <summary>
/// The jobs' own record of their runs: each run appends "&lt;token&gt; start &lt;pid&gt; &lt;ns&gt;" and, if it finishes,
/// "&lt;token&gt; end &lt;pid&gt; &lt;ns&gt;". Two runs of one job that overlap in time ran on two executors at once,
/// which must never happen. A run again after its executor died (its report lost with it) is legitimate and only counted.
/// </summary>
public sealed class RunLog
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"conveyor-runs-{Guid.NewGuid():N}.log");

    public string Start => $"echo \"$1 start $$ $(/bin/date +%s%N)\" >> {Path}";

    public string End => $"echo \"$1 end $$ $(/bin/date +%s%N)\" >> {Path}";

    /// <summary>Tokens of jobs two of whose runs overlapped.</summary>
    public IReadOnlySet<string> Overlapping() =>
        Runs().Where(job => job.Value.Count > 1 && Overlap(job.Value)).Select(job => job.Key).ToHashSet();

    /// <summary>Tokens of jobs that started more than once (after a lost executor, say).</summary>
    public int RerunCount() => Runs().Count(job => job.Value.Count > 1);

    static bool Overlap(List<(long Start, long? End)> runs)
    {
        var ordered = runs.OrderBy(r => r.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            // A run that never ended was killed; it cannot have overlapped anything after its kill, which we cannot
            // time here, so only runs that did end are compared.
            if (ordered[i - 1].End is { } end && ordered[i].Start < end)
                return true;
        }
        return false;
    }

    Dictionary<string, List<(long Start, long? End)>> Runs()
    {
        var runs = new Dictionary<string, List<(long Start, long? End)>>();
        if (!File.Exists(Path))
            return runs;
        var lines = File.ReadAllLines(Path).Select(l => l.Split(' ')).Where(p => p.Length == 4).ToList();
        var ends = lines.Where(p => p[1] == "end").ToDictionary(p => (p[0], p[2]), p => long.Parse(p[3]));
        foreach (var start in lines.Where(p => p[1] == "start"))
        {
            var list = runs.TryGetValue(start[0], out var existing) ? existing : runs[start[0]] = [];
            list.Add((long.Parse(start[3]), ends.TryGetValue((start[0], start[2]), out var end) ? end : null));
        }
        return runs;
    }
}
