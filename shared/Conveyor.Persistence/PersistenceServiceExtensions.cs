using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Conveyor.Persistence;

public static class PersistenceServiceExtensions
{
    /// <summary>
    /// Registers a pooled <see cref="ConveyorDbContext"/> factory on <c>ConnectionStrings:Conveyor</c>, which each service's
    /// appsettings.json sets (or <c>ConnectionStrings__Conveyor</c>); there is no default in code, credentials included.
    /// </summary>
    public static IServiceCollection AddConveyorPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Conveyor") is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException("ConnectionStrings:Conveyor is not set: give it in appsettings.json or as ConnectionStrings__Conveyor");
        // No PendingModelChangesWarning override: a model changed without a migration makes MigrateAsync throw when a
        // service or `Conveyor.Scheduler migrate` applies migrations (the CI check, `dotnet ef migrations
        // has-pending-model-changes`, finds it first).
        services.AddPooledDbContextFactory<ConveyorDbContext>(options => options
            .UseNpgsql(connectionString, npgsql => npgsql.ConfigureDataSource(dataSource =>
            {
                DatabaseTracing.OnlyWithinTracedWork(dataSource);
                StatementPreparation.UnlessConfigured(dataSource);
                LoopbackEncryption.OffUnlessConfigured(dataSource, connectionString);
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
