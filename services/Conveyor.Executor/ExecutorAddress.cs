using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Conveyor.Executor;

/// <summary>The address this executor reports with its attempts.</summary>
public static class ExecutorAddress
{
    public static string Resolve(ExecutorOptions options) => options.Address ?? FirstExternalIPv4() ?? "127.0.0.1";

    static string? FirstExternalIPv4() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(nic => nic.OperationalStatus == OperationalStatus.Up && nic.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address)
            .FirstOrDefault(address => address.AddressFamily == AddressFamily.InterNetwork)
            ?.ToString();
}
