using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Conveyor.Persistence;

public static class PersistenceServiceExtensions
{
    public const string DefaultConnectionString =
        "Host=127.0.0.1;Port=5432;Database=conveyor;Username=conveyor;Password=conveyor;Maximum Pool Size=50";

    /// <summary>Registers a pooled <see cref="ConveyorDbContext"/> factory on <c>ConnectionStrings:Conveyor</c> (loopback by default).</summary>
    public static IServiceCollection AddConveyorPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Conveyor") ?? DefaultConnectionString;
        // No PendingModelChangesWarning override: a model changed without a migration makes MigrateAsync throw at start
        // (the CI check, `dotnet ef migrations has-pending-model-changes`, finds it first).
        services.AddPooledDbContextFactory<ConveyorDbContext>(options => options
            .UseNpgsql(connectionString, npgsql => npgsql.ConfigureDataSource(dataSource =>
            {
                DatabaseTracing.OnlyWithinTracedWork(dataSource);
                StatementPreparation.UnlessConfigured(dataSource);
            })));
        return services;
    }

    /// <summary>Applies the schema at start, waiting for the database to come up.</summary>
    public static IServiceCollection AddConveyorMigrations(this IServiceCollection services)
    {
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }
}
