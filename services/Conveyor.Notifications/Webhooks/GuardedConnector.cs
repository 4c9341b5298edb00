using System.Net;
using System.Net.Sockets;
using Conveyor.Persistence.Webhooks;
using Conveyor.Webhooks;

namespace Conveyor.Notifications.Webhooks;

/// <summary>
/// The delivery client's only way onto the network: it resolves the host itself and connects only to addresses the
/// target policy allows, so a name that resolves to loopback or a private range is refused at the moment it matters.
/// Redirects are not followed, because a redirect could lead anywhere.
/// </summary>
public static class GuardedConnector
{
    public static SocketsHttpHandler Handler(WebhookTargetOptions options) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = (context, cancellationToken) => Connect(context.DnsEndPoint, options, cancellationToken),
    };

    static async ValueTask<Stream> Connect(DnsEndPoint target, WebhookTargetOptions options, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(target.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(target.Host, cancellationToken);
        var allowed = addresses.Where(a => WebhookTargetPolicy.AddressRefusal(a, options) is null).ToArray();
        if (allowed.Length == 0)
        {
            var reason = addresses.Length == 0 ? "no address" : WebhookTargetPolicy.AddressRefusal(addresses[0], options);
            throw new TargetRefusedException($"{target.Host} is not an allowed target: {reason}");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, target.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
