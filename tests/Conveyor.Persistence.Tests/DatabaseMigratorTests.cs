using Conveyor.TestSupport;
using Npgsql;

namespace Conveyor.Persistence.Tests;

/// <summary>What the migrator a service runs at start does with a schema that is already current, and with services that start together.</summary>
public sealed class DatabaseMigratorTests
{
    [Fact]
    public async Task Should_start_on_a_current_schema_without_taking_the_migration_lock()
    {
        await using var database = await IsolatedDatabase.Create();
        await ConveyorMigrations.Run(database.ConnectionString);

        // EF Core's MigrateAsync locks the history table before it looks at it; a service restarted on a current schema
        // must not wait for that lock (or do the work behind it) at all.
        await using var holder = new NpgsqlConnection(database.ConnectionString);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("""LOCK TABLE "__EFMigrationsHistory" IN EXCLUSIVE MODE""", holder, transaction))
            await lockTable.ExecuteNonQueryAsync();

        var started = ConveyorMigrations.Run(database.ConnectionString);
        var finished = await Task.WhenAny(started, Task.Delay(TimeSpan.FromSeconds(20)));

        Assert.Same(started, finished);
        await started;
    }

    [Fact]
    public async Task Should_bring_a_new_database_up_to_date_when_services_start_together()
    {
        await using var database = await IsolatedDatabase.Create();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ConveyorMigrations.Run(database.ConnectionString)));

        Assert.Equal(ConveyorMigrations.All(), await ConveyorMigrations.History(database.ConnectionString));
        Assert.Equal(1, await database.Scalar("SELECT count(*) FROM pg_tables WHERE tablename = 'jobs'"));
    }
}
