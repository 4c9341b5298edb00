using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conveyor.Persistence;

/// <summary>
/// Brings the schema up to date before the service takes traffic; retries while the database is still starting. A
/// database from before the EF Core baseline gets the baseline recorded first (<see cref="HandWrittenMigrationHistory"/>).
/// </summary>
/// <remarks>
/// A schema that is already current is left alone after one look at the history table. EF Core's <c>MigrateAsync</c>
/// builds the migrations' model and compares it with the running one before it looks at the history, and the code it
/// loads and compiles for that stayed resident for the life of the service: about 40 MB of an idle API's 156. Services
/// that start together take turns under an advisory lock, so one migrates and the rest find the schema current.
/// </remarks>
internal sealed class DatabaseMigrator(IDbContextFactory<ConveyorDbContext> contexts, ILogger<DatabaseMigrator> logger) : IHostedService
{
    static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    // Any fixed key: it only has to differ from other advisory locks taken on the same database.
    const long MigrationLockKey = 0x436F6E7665796F72; // "Conveyor"

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + GiveUpAfter;
        while (true)
        {
            try
            {
                await Migrate(cancellationToken);
                return;
            }
            catch (Exception ex) when (DateTimeOffset.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Database not ready for migrations yet: {Reason}", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    async Task Migrate(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The lock is the session's, on the connection EF then migrates through; it is released before the connection
        // goes back to the pool.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            try
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
                if (pending.Count == 0)
                {
                    logger.LogInformation("Database schema is current");
                    return;
                }
                logger.LogInformation("Applying {Count} migrations: {Migrations}", pending.Count, string.Join(", ", pending));
                await HandWrittenMigrationHistory.AdoptBaseline(db, cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
