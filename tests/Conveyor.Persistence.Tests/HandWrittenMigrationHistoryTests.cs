using Conveyor.TestSupport;

namespace Conveyor.Persistence.Tests;

public sealed class HandWrittenMigrationHistoryTests
{
    [Fact]
    public async Task Should_refuse_to_record_the_baseline_when_the_database_stopped_part_of_the_way_through_the_hand_written_migrations()
    {
        await using var database = await IsolatedDatabase.Create();
        await PreBaselineDatabase.Load(database);
        var last = HandWrittenMigrationHistory.MigrationIds[^1];
        await database.Scalar($"""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = '{last}'""");
        await using var db = ConveyorMigrations.Context(database.ConnectionString);

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => HandWrittenMigrationHistory.AdoptBaseline(db, CancellationToken.None));

        Assert.Contains(last, refusal.Message);
        Assert.DoesNotContain(HandWrittenMigrationHistory.BaselineId, await ConveyorMigrations.History(database.ConnectionString));
    }

    [Fact]
    public async Task Should_record_nothing_when_the_database_is_new()
    {
        await using var database = await IsolatedDatabase.Create();
        await using var db = ConveyorMigrations.Context(database.ConnectionString);

        await HandWrittenMigrationHistory.AdoptBaseline(db, CancellationToken.None);

        Assert.Equal(0, await database.Scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }
}
