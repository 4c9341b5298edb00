using System.Diagnostics;
using System.Security.Cryptography;

namespace Conveyor.Benchmarks.Measurement;

/// <summary>
/// How fast one core of this machine ran just before and just after the run, and how much of the CPU the hypervisor
/// kept for others meanwhile (steal). The same build measured minutes apart here spent 3.9 and 6.5 ms of scheduler CPU
/// per job: on a shared virtual machine the cores' speed moves, and with it every figure, CPU per job included. These
/// lines let two runs be compared knowing whether the machine itself changed between them.
/// </summary>
public sealed class MachineSpeed
{
    static readonly TimeSpan Sample = TimeSpan.FromSeconds(1);

    readonly double before;
    readonly CpuTimes start;

    MachineSpeed(double before, CpuTimes start)
    {
        this.before = before;
        this.start = start;
    }

    /// <summary>Measures the speed now and starts counting steal.</summary>
    public static MachineSpeed Start() => new(Sha256MegabytesPerSecond(), CpuTimes.Read());

    /// <summary>One line for the table's header.</summary>
    public string Describe()
    {
        var after = Sha256MegabytesPerSecond();
        var end = CpuTimes.Read();
        var total = end.Total - start.Total;
        var steal = total > 0 ? 100.0 * (end.Steal - start.Steal) / total : 0;
        return $"Machine speed: one core hashed {before:N0} MB/s (SHA-256) before the run and {after:N0} MB/s after; the hypervisor took {steal:0.0}% of the CPU time (steal) during it.";
    }

    /// <summary>Single-threaded SHA-256 of a 1 MiB buffer, over and over for a second: a fixed piece of CPU work.</summary>
    static double Sha256MegabytesPerSecond()
    {
        var buffer = new byte[1 << 20];
        Random.Shared.NextBytes(buffer);
        SHA256.HashData(buffer);
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Sample)
        {
            SHA256.HashData(buffer);
            bytes += buffer.Length;
        }
        return bytes / 1e6 / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The machine's CPU time from the first line of /proc/stat, in clock ticks: all of it, and the stolen part.</summary>
    sealed record CpuTimes(long Total, long Steal)
    {
        public static CpuTimes Read()
        {
            if (!File.Exists("/proc/stat"))
                return new CpuTimes(0, 0);
            // cpu user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user.
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
                .Select(long.Parse).ToArray();
            return new CpuTimes(fields.Sum(), fields.Length > 7 ? fields[7] : 0);
        }
    }
}
