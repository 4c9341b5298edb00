using Conveyor.TestSupport;
using Npgsql;

namespace Conveyor.Persistence.Tests;

/// <summary>Makes a database look like one that grew through the hand-written migrations (Fixtures/hand-written-migrations.sql).</summary>
internal static class PreBaselineDatabase
{
    public static async Task Load(IsolatedDatabase database)
    {
        var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "hand-written-migrations.sql"));
        // The dump empties search_path for its session: keep that session out of the pool.
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(script, connection);
        await command.ExecuteNonQueryAsync();
    }
}
