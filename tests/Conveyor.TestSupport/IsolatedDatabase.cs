using Npgsql;

namespace Conveyor.TestSupport;

/// <summary>A fresh PostgreSQL database per test run, dropped afterwards, so runs never see each other's jobs.</summary>
public sealed class IsolatedDatabase : IAsyncDisposable
{
    IsolatedDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<IsolatedDatabase> Create()
    {
        var name = "conveyor_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(TestInfrastructure.PostgresAdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(TestInfrastructure.PostgresAdminConnectionString) { Database = name };
        return new IsolatedDatabase(name, builder.ConnectionString);
    }

    public async Task<long> Scalar(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>The first column of the first row as text; null for no row.</summary>
    public async Task<string?> Text(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    /// <summary>The saga state of each of the given jobs that exists.</summary>
    public async Task<Dictionary<Guid, string>> States(IReadOnlyList<Guid> ids)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, current_state FROM jobs WHERE id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var states = new Dictionary<Guid, string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            states[reader.GetGuid(0)] = reader.GetString(1);
        return states;
    }

    /// <summary>
    /// The attempts the saga recorded as started (granted to an executor), per job, with the executor each went to and
    /// how it ended: the saga's own record, to hold against what it announced.
    /// </summary>
    public async Task<List<(Guid JobId, Guid AttemptId, string? ExecutorId, string Status)>> StartedAttempts(IReadOnlyList<Guid> ids)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT id, (a->>'attemptId')::uuid, a->>'executorId', a->>'status'
            FROM jobs, jsonb_array_elements(attempts) a
            WHERE id = ANY(@ids) AND a->>'startedAt' IS NOT NULL
            """, connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var attempts = new List<(Guid, Guid, string?, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            attempts.Add((reader.GetGuid(0), reader.GetGuid(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3)));
        return attempts;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestInfrastructure.PostgresAdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
        // After many writes an autovacuum worker may be at work in the database; it runs as a superuser, so our role cannot
        // end it and the drop fails with 42501 until it finishes, which takes moments.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 30)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }
}
