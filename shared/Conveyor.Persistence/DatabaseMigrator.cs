using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conveyor.Persistence;

/// <summary>
/// Runs the migrations before the service takes traffic; retries while the database is still starting. A database from
/// before the EF Core baseline gets the baseline recorded first (<see cref="HandWrittenMigrationHistory"/>).
/// </summary>
internal sealed class DatabaseMigrator(IDbContextFactory<ConveyorDbContext> contexts, ILogger<DatabaseMigrator> logger) : IHostedService
{
    static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + GiveUpAfter;
        while (true)
        {
            try
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                await HandWrittenMigrationHistory.AdoptBaseline(db, cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
                return;
            }
            catch (Exception ex) when (DateTimeOffset.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Database not ready for migrations yet: {Reason}", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
