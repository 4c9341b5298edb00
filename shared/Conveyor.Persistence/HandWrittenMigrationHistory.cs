using System.Reflection;
using Conveyor.Persistence.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Conveyor.Persistence;

/// <summary>
/// Databases created before the <see cref="Baseline"/> migration grew through seven hand-written migrations, whose ids are
/// in their history table. Their schema is the baseline's, so there the baseline is recorded as applied instead of run.
/// </summary>
internal static class HandWrittenMigrationHistory
{
    /// <summary>The hand-written migrations the baseline replaces, oldest first.</summary>
    public static readonly IReadOnlyList<string> MigrationIds =
    [
        "20261121000000_CreateJobs",
        "20261122000100_AddJobLimitsAndSupervision",
        "20261122000200_AddOutboxAndInbox",
        "20261122020000_CreateWebhooks",
        "20261122040000_AddJobKindsAndExecutors",
        "20261122050000_AddPriorityAging",
        "20261122060000_AddJobOwner",
    ];

    public static string BaselineId { get; } = typeof(Baseline).GetCustomAttribute<MigrationAttribute>()!.Id;

    /// <summary>Records the baseline as applied when the database carries the whole hand-written history and not the baseline yet.</summary>
    /// <remarks>Idempotent, so services that start together may all run it before they migrate.</remarks>
    public static async Task AdoptBaseline(ConveyorDbContext db, CancellationToken cancellationToken)
    {
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(cancellationToken))
            return;
        var applied = (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(row => row.MigrationId).ToHashSet();
        if (applied.Contains(BaselineId) || !applied.Overlaps(MigrationIds))
            return;
        var missing = MigrationIds.Where(id => !applied.Contains(id)).ToList();
        if (missing.Count > 0)
        {
            // The hand-written SQL is gone; a database part of the way through it cannot be brought to the baseline here.
            throw new InvalidOperationException(
                $"The database stopped part of the way through the hand-written migrations (missing {string.Join(", ", missing)}). " +
                "Migrate it with a release from before the EF Core baseline first.");
        }
        await db.Database.ExecuteSqlRawAsync(
            $$"""INSERT INTO "{{HistoryRepository.DefaultTableName}}" ("MigrationId", "ProductVersion") VALUES ({0}, {1}) ON CONFLICT DO NOTHING""",
            [BaselineId, ProductInfo.GetVersion()],
            cancellationToken);
    }
}
