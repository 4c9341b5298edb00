using System.Text;
using Conveyor.TestSupport;
using Npgsql;
using RabbitMQ.Client;

namespace Conveyor.Benchmarks.Report;

/// <summary>The versions that produced the figures, read from the servers themselves.</summary>
public static class Versions
{
    public static async Task<string> Read(TestBroker broker, string virtualHost, string connectionString)
    {
        await using var rabbit = await new ConnectionFactory
        {
            HostName = broker.FirstNode.Host,
            Port = broker.FirstNode.Port,
            VirtualHost = virtualHost,
            UserName = TestInfrastructure.RabbitUser,
            Password = TestInfrastructure.RabbitPassword,
        }.CreateConnectionAsync();
        var rabbitVersion = rabbit.ServerProperties?.TryGetValue("version", out var v) == true && v is byte[] bytes ? Encoding.UTF8.GetString(bytes) : "?";

        await using var postgres = new NpgsqlConnection(connectionString);
        await postgres.OpenAsync();
        return $"RabbitMQ {rabbitVersion}, PostgreSQL {postgres.PostgreSqlVersion}, .NET {Environment.Version}";
    }
}
