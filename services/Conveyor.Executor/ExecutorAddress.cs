using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Conveyor.Executor;

/// <summary>The address this executor reports with its attempts.</summary>
public static class ExecutorAddress
{
    // Listing the interfaces reads /proc and /sys for each of them: a visible share of the executor's CPU when asked for
    // every attempt. An address changes rarely, so the answer is kept for a while and looked up again after.
    static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(30);
    static Lookup? cached;

    public static string Resolve(ExecutorOptions options) => options.Address ?? CachedExternalIPv4() ?? "127.0.0.1";

    static string? CachedExternalIPv4()
    {
        var now = DateTimeOffset.UtcNow;
        // One reference, swapped whole, so that attempts on other threads never see half of an update.
        if (cached is { } current && now - current.At < KeepFor)
            return current.Address;
        var address = FirstExternalIPv4();
        cached = new Lookup(address, now);
        return address;
    }

    sealed record Lookup(string? Address, DateTimeOffset At);

    static string? FirstExternalIPv4() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(nic => nic.OperationalStatus == OperationalStatus.Up && nic.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address)
            .FirstOrDefault(address => address.AddressFamily == AddressFamily.InterNetwork)
            ?.ToString();
}
