using System.Diagnostics;
using System.Net;

namespace Conveyor.TestSupport;

/// <summary>
/// Hosts simulated on this machine, each a network namespace of its own joined to the machine by a veth pair on a
/// bridge that this class creates: a service started on a host reaches the broker and the database only over its link,
/// and <see cref="Cut"/> takes that link down as a pulled cable would. Every name and address is made here (a /24 in
/// 10.231.0.0/16 that no interface holds yet, the bridge's address is the hosts' gateway) and removed on dispose.
/// Needs root and iproute2.
/// </summary>
public sealed class SimulatedNetwork : IAsyncDisposable
{
    readonly string prefix = "cv" + Guid.NewGuid().ToString("N")[..5];
    readonly string subnet;
    readonly List<SimulatedHost> hosts = [];

    SimulatedNetwork(string subnet)
    {
        this.subnet = subnet;
        Gateway = IPAddress.Parse(subnet + ".1");
    }

    /// <summary>The machine's own address on the bridge, where the hosts reach RabbitMQ and PostgreSQL.</summary>
    public IPAddress Gateway { get; }

    string Bridge => prefix + "br";

    /// <summary>iproute2's <c>ip</c>, found where Debian keeps it whatever the PATH says.</summary>
    public static string IpCommand { get; } =
        new[] { "/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip" }.FirstOrDefault(File.Exists) ?? "ip";

    public static async Task<SimulatedNetwork> Create()
    {
        var inUse = await Ip("-4 -o addr show");
        var routes = await Ip("-4 route show");
        var free = Enumerable.Range(0, 250).Select(_ => Random.Shared.Next(1, 255))
            .Select(third => $"10.231.{third}")
            .First(candidate => !inUse.Contains(candidate + ".", StringComparison.Ordinal) && !routes.Contains(candidate + ".", StringComparison.Ordinal));
        var network = new SimulatedNetwork(free);
        try
        {
            await Ip($"link add {network.Bridge} type bridge");
            await Ip($"addr add {network.Gateway}/24 dev {network.Bridge}");
            await Ip($"link set {network.Bridge} up");
            return network;
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
    }

    /// <summary>Adds a host: a namespace with loopback up and one link to the bridge, with the next free address.</summary>
    public async Task<SimulatedHost> AddHost(string name)
    {
        var index = hosts.Count + 2;
        var host = new SimulatedHost(name, $"{prefix}-{name}", IPAddress.Parse($"{subnet}.{index}"), $"{prefix}h{index}");
        hosts.Add(host);
        await Ip($"netns add {host.Namespace}");
        await Ip($"link add {host.Link} type veth peer name {host.Link}p");
        await Ip($"link set {host.Link}p netns {host.Namespace}");
        await Ip($"link set {host.Link} master {Bridge}");
        await Ip($"link set {host.Link} up");
        await Ip($"-n {host.Namespace} link set lo up");
        await Ip($"-n {host.Namespace} addr add {host.Address}/24 dev {host.Link}p");
        await Ip($"-n {host.Namespace} link set {host.Link}p up");
        return host;
    }

    /// <summary>Takes the host's link down: its open connections stall and new ones fail, until <see cref="Restore"/>.</summary>
    public Task Cut(SimulatedHost host) => Ip($"link set {host.Link} down");

    public Task Restore(SimulatedHost host) => Ip($"link set {host.Link} up");

    /// <summary>Removes the namespaces (and with them their links) and the bridge; the processes on the hosts must be ended first.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await IpQuietly($"link del {host.Link}");
            await IpQuietly($"netns del {host.Namespace}");
        }
        await IpQuietly($"link del {Bridge}");
    }

    static async Task IpQuietly(string arguments)
    {
        try
        {
            await Ip(arguments);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    static async Task<string> Ip(string arguments)
    {
        var start = new ProcessStartInfo(IpCommand) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ip {arguments} failed ({process.ExitCode}): {await error}");
        return await output;
    }
}

/// <param name="Link">The host's end of its link on the machine's side (its peer inside the namespace is <c>Link</c>p).</param>
public sealed record SimulatedHost(string Name, string Namespace, IPAddress Address, string Link);
