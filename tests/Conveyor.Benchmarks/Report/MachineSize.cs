using System.Runtime.InteropServices;

namespace Conveyor.Benchmarks.Report;

/// <summary>What the figures were measured on. Load average matters: the broker, the database and every service share these cores.</summary>
public sealed record MachineSize(int Cores, double MemoryGiB, string Cpu, string LoadAverage)
{
    public static MachineSize Read() => new(
        Environment.ProcessorCount,
        MemoryKiB() / 1024.0 / 1024.0,
        ProcLine("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a");

    static long MemoryKiB() =>
        long.TryParse(ProcLine("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], out var kib)
            ? kib
            : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024;

    static string? ProcLine(string path, string key) =>
        File.Exists(path)
            ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
}
