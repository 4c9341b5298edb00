using System.Data.Common;
using System.Net;
using Npgsql;

namespace Conveyor.Persistence;

/// <summary>
/// Turns TLS off towards a database on this same host, unless the connection string names an SSL mode itself. Npgsql
/// prefers TLS and Debian's PostgreSQL offers it, so every query to a local database was encrypted by the service and
/// decrypted by the server: 7% of the scheduler's profile samples. Loopback traffic never leaves the host, so there
/// the encryption protected nothing. A database on another host keeps Npgsql's default.
/// </summary>
internal static class LoopbackEncryption
{
    public static void OffUnlessConfigured(NpgsqlDataSourceBuilder dataSource, string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals("sslmode", StringComparison.OrdinalIgnoreCase)))
            return;
        var settings = dataSource.ConnectionStringBuilder;
        if (settings.Host is { Length: > 0 } hosts && hosts.Split(',').All(IsLoopback))
            settings.SslMode = SslMode.Disable;
    }

    /// <summary>A host of a connection string (<c>localhost</c>, <c>127.0.0.1:5433</c>, <c>[::1]</c>, a socket directory).</summary>
    public static bool IsLoopback(string host)
    {
        host = host.Trim();
        if (host.StartsWith('/') || host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        if (IPAddress.TryParse(host, out var address))
            return IPAddress.IsLoopback(address);
        var name = host.LastIndexOf(':') is var colon and > 0 ? host[..colon] : host;
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
               || (IPAddress.TryParse(name.Trim('[', ']'), out address) && IPAddress.IsLoopback(address));
    }
}
