using System.Globalization;
using Conveyor.TestSupport;

namespace Conveyor.Benchmarks;

/// <summary>
/// Command-line settings: <c>--clients 16 --executors 1 --slots 4 --waiting 10000 --out path</c>; <c>--rows 1,3</c> runs
/// only some rows; <c>--env "Conveyor.Scheduler:RabbitMq__PrefetchCount=64;*:Serilog__MinimumLevel__Default=Warning"</c>
/// gives services extra settings (<c>*</c> is every service); <c>--keep-logs dir</c> copies the services' logs there;
/// <c>--broker cluster</c> runs everything on the three-node cluster of infra/scripts/rabbitmq-cluster.sh (started if
/// down, left running) instead of the single broker.
/// </summary>
public sealed class BenchmarkOptions
{
    public int Clients { get; private init; } = 16;
    public int Executors { get; private init; } = 1;
    public int Slots { get; private init; } = 8; // the executor's own default
    public int BestEffortWaiting { get; private init; } = 10_000;
    public int EndToEndJobs { get; private init; } = 3_000;
    public int LatencySamples { get; private init; } = 200;
    public int LoadedLatencySamples { get; private init; } = 100;
    public TimeSpan Duration { get; private init; } = TimeSpan.FromSeconds(15);
    public string Output { get; private init; } = "tests/Conveyor.Benchmarks/results/latest.md";
    public string Label { get; private init; } = "";
    public IReadOnlySet<int> Rows { get; private init; } = new HashSet<int> { 1, 2, 3, 4, 5, 6 };
    public string ServiceSettings { get; private init; } = "";
    public string? KeepLogs { get; private init; }
    public TestBroker Broker { get; private init; } = TestBroker.Single;

    public bool Runs(int row) => Rows.Contains(row);

    public static BenchmarkOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"expected --name value, got {args[i]}");
            values[args[i][2..]] = args[i + 1];
        }
        if (args.Length % 2 != 0)
            throw new ArgumentException($"{args[^1]} has no value");

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var defaults = new BenchmarkOptions();
        return new BenchmarkOptions
        {
            Clients = Int("clients", defaults.Clients),
            Executors = Int("executors", defaults.Executors),
            Slots = Int("slots", defaults.Slots),
            BestEffortWaiting = Int("waiting", defaults.BestEffortWaiting),
            EndToEndJobs = Int("jobs", defaults.EndToEndJobs),
            LatencySamples = Int("samples", defaults.LatencySamples),
            LoadedLatencySamples = Int("loaded-samples", defaults.LoadedLatencySamples),
            Duration = TimeSpan.FromSeconds(Int("seconds", (int)defaults.Duration.TotalSeconds)),
            Output = values.GetValueOrDefault("out", defaults.Output),
            Label = values.GetValueOrDefault("label", defaults.Label),
            Rows = values.TryGetValue("rows", out var rows) ? rows.Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToHashSet() : defaults.Rows,
            ServiceSettings = values.GetValueOrDefault("env", defaults.ServiceSettings),
            KeepLogs = values.GetValueOrDefault("keep-logs"),
            Broker = values.GetValueOrDefault("broker", "single") switch
            {
                "single" => TestBroker.Single,
                "cluster" => TestBroker.Cluster,
                var other => throw new ArgumentException($"--broker is single or cluster, not {other}"),
            },
        };
    }
}
