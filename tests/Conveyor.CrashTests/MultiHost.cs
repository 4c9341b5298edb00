using Conveyor.TestSupport;

namespace Conveyor.CrashTests;

/// <summary>
/// Conveyor spread over simulated hosts (network namespaces on this machine, see <see cref="SimulatedNetwork"/>): two
/// API hosts, two scheduler hosts consuming the same saga queue, three executor hosts and a notifications host, each
/// reaching RabbitMQ and PostgreSQL only over its own link. The jobs' scripts are served at the network's gateway.
/// </summary>
public sealed class MultiHost : ScenarioTopology
{
    public const int ExecutorHosts = 3;

    readonly SimulatedNetwork network;
    readonly BinaryServer binaries;
    readonly ConveyorStack stack;
    readonly List<HttpClient> apis = [];
    readonly Dictionary<string, (SimulatedHost Host, ServiceProcess Process)> placed = [];

    MultiHost(SimulatedNetwork network, BinaryServer binaries, ConveyorStack stack)
    {
        this.network = network;
        this.binaries = binaries;
        this.stack = stack;
    }

    public override ConveyorStack Stack => stack;
    public override IReadOnlyList<HttpClient> Apis => apis;

    /// <summary>The executors' ids: each executor is named after its host.</summary>
    public static IEnumerable<string> ExecutorIds => Enumerable.Range(1, ExecutorHosts).Select(i => $"executor-{i}");

    public static async Task<ScenarioTopology> Start(IReadOnlyDictionary<string, string> settings)
    {
        var network = await SimulatedNetwork.Create();
        BinaryServer? binaries = null;
        ConveyorStack? stack = null;
        try
        {
            binaries = await BinaryServer.Start(network.Gateway);
            stack = await ConveyorStack.Start(new ConveyorStackOptions { Settings = settings, StartServices = false });
            var topology = new MultiHost(network, binaries, stack);
            // Schedulers first: they migrate the database, which the APIs read.
            await topology.Place("scheduler-1", "Conveyor.Scheduler");
            await topology.Place("scheduler-2", "Conveyor.Scheduler");
            await topology.Place("notifications", "Conveyor.Notifications");
            foreach (var executor in ExecutorIds)
                await topology.Place(executor, "Conveyor.Executor", new Dictionary<string, string> { ["Executor__ExecutorId"] = executor });
            foreach (var api in new[] { "api-1", "api-2" })
            {
                var process = await topology.Place(api, "Conveyor.Api");
                topology.apis.Add(new HttpClient { BaseAddress = stack.AddressOf(process), Timeout = TimeSpan.FromSeconds(60) });
            }
            return topology;
        }
        catch
        {
            if (stack is not null)
                await stack.DisposeAsync();
            if (binaries is not null)
                await binaries.DisposeAsync();
            await network.DisposeAsync();
            throw;
        }
    }

    async Task<ServiceProcess> Place(string hostName, string service, IReadOnlyDictionary<string, string>? environment = null)
    {
        var host = await network.AddHost(hostName);
        var process = await stack.StartOn(network, host, service, environment);
        placed[hostName] = (host, process);
        return process;
    }

    public ServiceProcess ProcessOn(string hostName) => placed[hostName].Process;

    /// <summary>Pulls the host's cable for <paramref name="outage"/>, then plugs it back in.</summary>
    public async Task CutLink(string hostName, TimeSpan outage)
    {
        await network.Cut(placed[hostName].Host);
        await Task.Delay(outage);
        await network.Restore(placed[hostName].Host);
    }

    public override (string Url, string Sha256) AddScript(string name, string body) => binaries.AddScript(name, body);

    public override async ValueTask DisposeAsync()
    {
        foreach (var api in apis)
            api.Dispose();
        // The processes on the hosts end with the stack; only then can their namespaces go.
        await stack.DisposeAsync();
        await binaries.DisposeAsync();
        await network.DisposeAsync();
    }
}
