using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Conveyor.TestSupport;

/// <summary>
/// Ports for the services and servers a test starts. They come from below Linux's ephemeral range (32768 and up): a
/// port the kernel picked for us from that range can be taken, before the service binds it, by any outgoing connection
/// (to RabbitMQ or PostgreSQL, say), which then fails the service's start with "address already in use".
/// </summary>
public static class FreePort
{
    const int First = 20000;
    const int Last = 32000;
    static readonly ConcurrentDictionary<int, byte> HandedOut = new();

    public static int Next()
    {
        for (var tries = 0; tries < 1000; tries++)
        {
            var port = Random.Shared.Next(First, Last);
            if (!HandedOut.TryAdd(port, 0))
                continue;
            if (IsFree(port))
                return port;
        }
        throw new InvalidOperationException($"no free port between {First} and {Last}");
    }

    static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
