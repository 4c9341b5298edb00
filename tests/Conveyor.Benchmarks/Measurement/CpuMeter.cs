using System.Globalization;
using Conveyor.TestSupport;

namespace Conveyor.Benchmarks.Measurement;

/// <summary>
/// CPU time the services, RabbitMQ and PostgreSQL used during a phase, per name. On a shared machine throughput depends
/// on what else runs; CPU milliseconds per job do much less, so they show whether a change made the work itself cheaper.
/// </summary>
public sealed class CpuMeter(IReadOnlyList<ServiceProcess> processes)
{
    static readonly double TicksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on
    Dictionary<string, double> start = [];

    public void Start() => start = Read();

    /// <summary>Milliseconds of CPU per item since <see cref="Start"/>, per service, largest first.</summary>
    public IReadOnlyList<(string Service, double MillisecondsPerItem)> PerItem(long items)
    {
        var now = Read();
        return now.Select(n => (n.Key.Replace("Conveyor.", "", StringComparison.Ordinal), (n.Value - start.GetValueOrDefault(n.Key)) * 1000 / Math.Max(items, 1)))
            .OrderByDescending(c => c.Item2)
            .ToList();
    }

    /// <summary>The processes the services started and reaped: the jobs' binaries, with whatever launched them.</summary>
    public const string JobProcesses = "job processes";

    Dictionary<string, double> Read()
    {
        var running = processes.Where(p => !p.HasExited).ToList();
        var seconds = running
            .GroupBy(p => p.Name)
            .ToDictionary(g => g.Key, g => g.Sum(p => Seconds(p.ProcessId, children: false)));
        seconds[JobProcesses] = running.Sum(p => Seconds(p.ProcessId, children: true));
        foreach (var (name, used) in InfrastructureCpu.Read())
            seconds[name] = used;
        return seconds;
    }

    static double Seconds(int pid, bool children)
    {
        var path = $"/proc/{pid}/stat";
        if (!File.Exists(path))
            return 0;
        var fields = File.ReadAllText(path).Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // After the command name: state is field 3, utime 14, stime 15, cutime 16 and cstime 17 (1-based), so indexes 11
        // to 14 here. cutime and cstime are what the process's reaped children used.
        var first = children ? 13 : 11;
        return (double.Parse(fields[first], CultureInfo.InvariantCulture) + double.Parse(fields[first + 1], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
