using System.Net;
using System.Net.Sockets;

namespace Conveyor.Webhooks;

/// <summary>
/// Which URLs a subscription may name and which addresses a delivery may connect to. The API checks the URL when a
/// subscription is created; notifications checks every resolved address at connect time, because a host name that
/// looked public can resolve to a private address later.
/// </summary>
public static class WebhookTargetPolicy
{
    public const int MaxUrlLength = 2048;

    /// <summary>Why the URL is refused, or null when it may be stored.</summary>
    public static string? Refusal(string url, WebhookTargetOptions options)
    {
        if (url.Length > MaxUrlLength)
            return $"url must be at most {MaxUrlLength} characters";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
            return "url must be an absolute http or https URL";
        if (uri.UserInfo.Length > 0)
            return "url must not carry credentials";
        if (IsLoopbackName(uri.IdnHost) && !options.AllowLoopback)
            return "url must not point at loopback";
        return IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var address) ? AddressRefusal(address, options) : null;
    }

    /// <summary>Why a connection to this address is refused, or null when it is allowed.</summary>
    public static string? AddressRefusal(IPAddress address, WebhookTargetOptions options)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IsLoopback(address) && !options.AllowLoopback)
            return $"{address} is a loopback address";
        if (IsPrivate(address) && !options.AllowPrivateNetworks)
            return $"{address} is a private-range address";
        return null;
    }

    static bool IsLoopbackName(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    // 0.0.0.0 and :: reach the local host on Linux, so they count as loopback.
    static bool IsLoopback(IPAddress address) =>
        IPAddress.IsLoopback(address) || address.Equals(IPAddress.IPv6Any) || (address.AddressFamily == AddressFamily.InterNetwork && address.GetAddressBytes()[0] == 0);

    static bool IsPrivate(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;

        var b = address.GetAddressBytes();
        return b[0] == 10
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127)
            || b[0] >= 224;
    }
}
