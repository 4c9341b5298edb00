using Conveyor.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Conveyor.Persistence.Tests;

public sealed class BaselineSchemaTests
{
    [Fact]
    public async Task Should_create_the_schema_of_the_hand_written_migrations_when_migrating_a_new_database()
    {
        await using var handWritten = await IsolatedDatabase.Create();
        await using var baseline = await IsolatedDatabase.Create();
        await PreBaselineDatabase.Load(handWritten);

        // Migrations after the baseline change the schema on purpose; the baseline itself must be today's schema exactly.
        await ConveyorMigrations.RunToBaseline(baseline.ConnectionString);

        var expected = await SchemaDescription.Read(handWritten.ConnectionString);
        Assert.Contains("index CREATE INDEX ix_jobs_waiting ON public.jobs USING btree (pool, dispatch_priority DESC, created_at)", expected);
        Assert.Equal(expected, await SchemaDescription.Read(baseline.ConnectionString));
        Assert.Equal([HandWrittenMigrationHistory.BaselineId], await ConveyorMigrations.History(baseline.ConnectionString));
    }

    [Fact]
    public void Should_write_every_column_that_has_a_default_itself_when_inserting()
    {
        // The column defaults are there for rows older than their columns; an insert must not leave a value to them because
        // it equals the CLR default (max_attempts 0, retry_on_failure false), as EF does for store-generated columns.
        using var db = ConveyorMigrations.Context(TestInfrastructure.PostgresAdminConnectionString);
        var defaulted = db.Model.GetEntityTypes().SelectMany(entity => entity.GetProperties())
            .Where(property => property.GetDefaultValueSql() is not null || property.TryGetDefaultValue(out _))
            .ToList();

        Assert.NotEmpty(defaulted);
        Assert.All(defaulted, property => Assert.Equal(ValueGenerated.Never, property.ValueGenerated));
    }
}
