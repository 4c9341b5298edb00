using System.Globalization;
using Conveyor.TestSupport;

namespace Conveyor.Benchmarks.Measurement;

/// <summary>Resident memory (VmRSS) of each running service, in MB.</summary>
public static class ResidentMemory
{
    public static IReadOnlyList<(string Service, double Megabytes)> Read(IReadOnlyList<ServiceProcess> processes) => processes
        .Where(p => !p.HasExited)
        .GroupBy(p => p.Name)
        .Select(g => (g.Key.Replace("Conveyor.", "", StringComparison.Ordinal), g.Max(p => Megabytes(p.ProcessId))))
        .OrderBy(m => m.Item1, StringComparer.Ordinal)
        .ToList();

    static double Megabytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kilobytes is null ? 0 : double.Parse(kilobytes, CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
