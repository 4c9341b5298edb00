using Conveyor.Persistence;

namespace Conveyor.Scheduler.Schema;

/// <summary>
/// <c>Conveyor.Scheduler migrate</c>: brings the database schema up to date and exits, for a deployment to run once
/// before it starts the services (compose's <c>migrate</c> service, <c>infra/scripts/up.sh</c>, the test stack).
/// </summary>
/// <remarks>
/// Every service still migrates at start when it finds the schema behind, so nothing depends on this step having run.
/// Run apart, the migration's code (EF Core's migrations model and differ) never loads into a long-running service.
/// Exits non-zero when the database stays out of reach for a minute or a migration fails.
/// </remarks>
internal static class MigrateCommand
{
    public static bool IsRequested(string[] args) => args is ["migrate", ..];

    public static async Task Run(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args[1..]);
        builder.Services.AddConveyorPersistence(builder.Configuration).AddConveyorMigrations();
        using var host = builder.Build();
        // Starting the host runs the migrator (a hosted service) to completion; there is nothing else to run.
        await host.StartAsync();
        await host.StopAsync();
    }
}
