using Conveyor.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Conveyor.Persistence.Tests;

/// <summary>Migrates a database the way a service does at start: the hosted migrator from <c>AddConveyorMigrations</c>.</summary>
internal static class ConveyorMigrations
{
    public static async Task Run(string connectionString)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("ConnectionStrings:Conveyor", connectionString)])
            .Build();
        await using var services = new ServiceCollection().AddLogging().AddConveyorPersistence(configuration).AddConveyorMigrations().BuildServiceProvider();
        foreach (var hostedService in services.GetServices<IHostedService>())
            await hostedService.StartAsync(CancellationToken.None);
    }

    /// <summary>Migrates a new database up to the baseline and no further: the schema the hand-written migrations left.</summary>
    public static async Task RunToBaseline(string connectionString)
    {
        await using var db = Context(connectionString);
        await db.GetService<IMigrator>().MigrateAsync(HandWrittenMigrationHistory.BaselineId);
    }

    /// <summary>Every migration of the model, oldest first.</summary>
    public static IReadOnlyList<string> All()
    {
        using var db = Context(TestInfrastructure.PostgresAdminConnectionString);
        return db.Database.GetMigrations().ToList();
    }

    public static ConveyorDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<ConveyorDbContext>().UseNpgsql(connectionString).Options);

    public static async Task<List<string>> History(string connectionString)
    {
        await using var db = Context(connectionString);
        return (await db.Database.GetAppliedMigrationsAsync()).Order(StringComparer.Ordinal).ToList();
    }
}
