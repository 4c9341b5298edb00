using System.Net;
using System.Net.Sockets;

namespace Conveyor.TestSupport;

/// <summary>
/// A loopback TCP proxy whose open connections can be frozen: they stay open but pass no more bytes either way, as a
/// connection to a hung peer does. Connections made after a freeze pass normally.
/// </summary>
public sealed class FreezableTcpProxy : IAsyncDisposable
{
    readonly TcpListener listener;
    readonly string targetHost;
    readonly int targetPort;
    readonly CancellationTokenSource stopping = new();
    readonly List<Link> links = [];

    FreezableTcpProxy(TcpListener listener, string targetHost, int targetPort)
    {
        this.listener = listener;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    public static FreezableTcpProxy Start(string targetHost, int targetPort)
    {
        var listener = new TcpListener(IPAddress.Loopback, FreePort.Next());
        listener.Start();
        var proxy = new FreezableTcpProxy(listener, targetHost, targetPort);
        _ = proxy.AcceptLoop();
        return proxy;
    }

    /// <summary>Freezes every connection open now; returns how many there were.</summary>
    public int FreezeOpenConnections()
    {
        lock (links)
        {
            var open = links.Where(l => !l.Frozen).ToList();
            foreach (var link in open)
                link.Frozen = true;
            return open.Count;
        }
    }

    async Task AcceptLoop()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }
            var server = new TcpClient();
            try
            {
                await server.ConnectAsync(targetHost, targetPort, stopping.Token);
            }
            catch (Exception)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }
            var link = new Link(client, server);
            lock (links)
                links.Add(link);
            _ = Pump(link, client.GetStream(), server.GetStream());
            _ = Pump(link, server.GetStream(), client.GetStream());
        }
    }

    async Task Pump(Link link, NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, stopping.Token);
                if (read == 0)
                    break;
                // A frozen link swallows what it reads: nothing the sender writes ever arrives. It still notices a side that
                // closes, and closes the other, as a network that still delivers a reset would.
                if (!link.Frozen)
                    await to.WriteAsync(buffer.AsMemory(0, read), stopping.Token);
            }
        }
        catch (Exception)
        {
            // Either side went away, or the proxy is stopping.
        }
        link.Close();
        lock (links)
            links.Remove(link);
    }

    public ValueTask DisposeAsync()
    {
        stopping.Cancel();
        listener.Stop();
        lock (links)
            foreach (var link in links)
                link.Close();
        return ValueTask.CompletedTask;
    }

    sealed class Link(TcpClient client, TcpClient server)
    {
        public volatile bool Frozen;

        public void Close()
        {
            client.Dispose();
            server.Dispose();
        }
    }
}
