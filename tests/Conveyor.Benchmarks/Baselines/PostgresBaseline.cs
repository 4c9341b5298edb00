using System.Diagnostics;
using Conveyor.Benchmarks.Measurement;
using Npgsql;

namespace Conveyor.Benchmarks.Baselines;

/// <summary>
/// What the database alone does on this machine with plain Npgsql: one-row INSERTs, each its own committed transaction
/// (synchronous commit, as Conveyor runs), from as many connections as Conveyor's benchmark has clients.
/// </summary>
public sealed class PostgresBaseline(string connectionString)
{
    const string Table = "baseline_commits";

    public async Task<Throughput> SingleRowCommits(int connections, TimeSpan duration)
    {
        await Execute($"CREATE TABLE IF NOT EXISTS {Table} (id bigserial PRIMARY KEY, payload text NOT NULL)");
        var open = new List<NpgsqlConnection>();
        for (var i = 0; i < connections; i++)
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            open.Add(connection);
        }
        var payload = new string('x', 512);
        var result = await LoadRunner.Run(connections, duration, long.MaxValue, async client =>
        {
            await using var insert = new NpgsqlCommand($"INSERT INTO {Table} (payload) VALUES ($1)", open[client]) { Parameters = { new() { Value = payload } } };
            return await insert.ExecuteNonQueryAsync();
        });
        foreach (var connection in open)
            await connection.DisposeAsync();
        await Execute($"DROP TABLE {Table}");
        return result;
    }

    /// <summary>One committed one-row INSERT at a time, on one connection.</summary>
    public async Task<Latencies> CommitLatency(int samples)
    {
        await Execute($"CREATE TABLE IF NOT EXISTS {Table} (id bigserial PRIMARY KEY, payload text NOT NULL)");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var latencies = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await using var insert = new NpgsqlCommand($"INSERT INTO {Table} (payload) VALUES ('x')", connection);
            await insert.ExecuteNonQueryAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        await Execute($"DROP TABLE {Table}");
        return Latencies.Of(latencies);
    }

    async Task Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
