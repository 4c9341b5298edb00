using System.Globalization;
using System.Net.Sockets;
using Docker.DotNet;

namespace Conveyor.Executor.Runtimes.Docker;

/// <summary>
/// Finds where a started container's exposed port is published and waits until it accepts a connection, so that a job's
/// service URL is announced only once something answers there. With host networking the port is the container's own;
/// otherwise it is the host port the engine picked.
/// </summary>
public static class ServiceProbe
{
    static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    public static async Task<string> WaitUntilServing(IDockerClient docker, string containerId, int port, DockerRuntimeOptions options,
        CancellationToken cancellationToken)
    {
        var hostPort = options.ServiceNetworkMode == "host" ? port : await PublishedPort(docker, containerId, port, cancellationToken);
        // A port published on every address is probed on loopback.
        var probeAddress = options.PublishAddress is "0.0.0.0" or "::" ? "127.0.0.1" : options.PublishAddress;
        while (!await Accepts(probeAddress, hostPort, cancellationToken))
            await Task.Delay(Interval, cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"http://{options.ServiceHost ?? probeAddress}:{hostPort}");
    }

    static async Task<int> PublishedPort(IDockerClient docker, string containerId, int port, CancellationToken cancellationToken)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{port}/tcp");
        var inspected = await docker.Containers.InspectContainerAsync(containerId, cancellationToken);
        return inspected.NetworkSettings?.Ports is { } ports && ports.TryGetValue(key, out var bindings) && bindings is [{ } first, ..]
            ? int.Parse(first.HostPort, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"the engine published no host port for {key}");
    }

    static async Task<bool> Accepts(string address, int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(address, port, attempt.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
