using System.Globalization;

namespace Conveyor.Benchmarks.Measurement;

/// <summary>
/// CPU seconds used so far by RabbitMQ (the Erlang VM, <c>beam.smp</c>) and PostgreSQL (every <c>postgres</c> process,
/// plus what the postmaster's ended children used, which the kernel adds to its own account when it reaps them).
/// Both serve only the benchmark while it runs, on a quiet machine.
/// </summary>
public static class InfrastructureCpu
{
    const double TicksPerSecond = 100; // USER_HZ

    public static IReadOnlyDictionary<string, double> Read()
    {
        double rabbit = 0, postgres = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || Stat(pid) is not { } stat)
                continue;
            if (stat.Command == "beam.smp")
                rabbit += stat.Own + stat.Children;
            else if (stat.Command == "postgres")
                postgres += stat.Own + (stat.ParentCommand(pid) == "postgres" ? 0 : stat.Children);
        }
        return new Dictionary<string, double> { ["RabbitMQ"] = rabbit, ["PostgreSQL"] = postgres };
    }

    sealed record ProcessStat(string Command, int ParentId, double Own, double Children)
    {
        public string? ParentCommand(int pid) => Stat(ParentId)?.Command;
    }

    static ProcessStat? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var open = text.IndexOf('(');
            var close = text.LastIndexOf(')');
            var command = text[(open + 1)..close];
            var fields = text[(close + 2)..].Split(' ');
            // After the command: state, ppid, ... utime (index 11), stime (12), cutime (13), cstime (14).
            double Ticks(int index) => double.Parse(fields[index], CultureInfo.InvariantCulture) / TicksPerSecond;
            return new ProcessStat(command, int.Parse(fields[1], CultureInfo.InvariantCulture), Ticks(11) + Ticks(12), Ticks(13) + Ticks(14));
        }
        catch (IOException)
        {
            return null; // ended between the listing and the read
        }
    }
}
