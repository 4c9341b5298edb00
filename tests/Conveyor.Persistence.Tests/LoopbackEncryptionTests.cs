using Conveyor.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Conveyor.Persistence.Tests;

/// <summary>The services' database connections: TLS off to a database on this host, as the connection string says otherwise.</summary>
public sealed class LoopbackEncryptionTests
{
    [Fact]
    public async Task Should_not_encrypt_the_connection_to_a_database_on_this_host()
    {
        Assert.True(await ServerOffersTls(), "the test database should offer TLS, or this test shows nothing");

        Assert.False(await Encrypted(TestInfrastructure.PostgresAdminConnectionString));
    }

    [Fact]
    public async Task Should_keep_the_ssl_mode_the_connection_string_names()
    {
        var required = new NpgsqlConnectionStringBuilder(TestInfrastructure.PostgresAdminConnectionString) { SslMode = SslMode.Require }.ConnectionString;

        Assert.True(await Encrypted(required));
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.0.0.1:5433", true)]
    [InlineData("::1", true)]
    [InlineData("[::1]:5432", true)]
    [InlineData("/var/run/postgresql", true)]
    [InlineData("10.231.4.1", false)]
    [InlineData("db.example.internal", false)]
    [InlineData("db.example.internal:5432", false)]
    public void Should_tell_a_host_on_this_machine(string host, bool loopback) =>
        Assert.Equal(loopback, LoopbackEncryption.IsLoopback(host));

    static async Task<bool> Encrypted(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Conveyor"] = connectionString }).Build();
        await using var services = new ServiceCollection().AddConveyorPersistence(configuration).BuildServiceProvider();
        await using var db = await services.GetRequiredService<IDbContextFactory<ConveyorDbContext>>().CreateDbContextAsync();
        return await db.Database.SqlQueryRaw<bool>("SELECT ssl AS \"Value\" FROM pg_stat_ssl WHERE pid = pg_backend_pid()").SingleAsync();
    }

    static async Task<bool> ServerOffersTls()
    {
        await using var connection = new NpgsqlConnection(TestInfrastructure.PostgresAdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW ssl", connection);
        return (string?)await command.ExecuteScalarAsync() == "on";
    }
}
