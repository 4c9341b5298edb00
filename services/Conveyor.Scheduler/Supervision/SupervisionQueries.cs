using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;
using Npgsql;

namespace Conveyor.Scheduler.Supervision;

/// <summary>
/// The sweeper's four questions, as plain SQL on an open connection (a pooled context's). As EF LINQ queries, run every second,
/// they kept EF's query pipeline in the scheduler's hot code: an idle scheduler grew from 145 to 151-153 MB in its first
/// half minute as those methods were compiled again at tier 1, and it is the only EF query an idle scheduler runs.
/// The states are constants of the code, written into the statements so that the partial indexes on running and
/// waiting jobs apply.
/// </summary>
public static class SupervisionQueries
{
    static readonly string OnExecutor = string.Join(", ", JobStates.OnExecutor.Select(state => $"'{state}'"));

    static readonly string DueRetriesSql =
        $"SELECT id, current_attempt_id FROM jobs WHERE current_state = '{JobStates.Waiting}' AND next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT $2";

    static readonly string SilentSql =
        $"SELECT id, current_attempt_id FROM jobs WHERE current_state IN ({OnExecutor}) AND last_heartbeat_at < $1 ORDER BY last_heartbeat_at LIMIT $2";

    static readonly string OverdueSql =
        $"SELECT id, current_attempt_id FROM jobs WHERE current_state IN ({OnExecutor}) AND deadline_at <= $1 ORDER BY deadline_at LIMIT $2";

    static readonly string AgingSql =
        $"SELECT id, current_attempt_id, priority, dispatch_priority, queued_at FROM jobs WHERE current_state = '{JobStates.Pending}' " +
        $"AND dispatch_priority < {(int)JobPriority.Foreground} AND queued_at <= $1 ORDER BY queued_at LIMIT $2";

    public sealed record Attempt(Guid JobId, Guid AttemptId);

    public sealed record QueuedAttempt(Guid JobId, Guid AttemptId, JobPriority Priority, JobPriority DispatchPriority, DateTimeOffset QueuedAt);

    /// <summary>Waiting jobs whose retry is due at <paramref name="now"/>.</summary>
    public static Task<List<Attempt>> DueRetries(NpgsqlConnection connection, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        Attempts(connection, DueRetriesSql, now, limit, cancellationToken);

    /// <summary>Attempts on an executor whose last sign of life is older than <paramref name="silentSince"/>.</summary>
    public static Task<List<Attempt>> Silent(NpgsqlConnection connection, DateTimeOffset silentSince, int limit, CancellationToken cancellationToken) =>
        Attempts(connection, SilentSql, silentSince, limit, cancellationToken);

    /// <summary>Attempts on an executor past their deadline at <paramref name="now"/>.</summary>
    public static Task<List<Attempt>> Overdue(NpgsqlConnection connection, DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        Attempts(connection, OverdueSql, now, limit, cancellationToken);

    /// <summary>Queued work below foreground, queued at or before <paramref name="queuedBefore"/>, oldest first.</summary>
    public static async Task<List<QueuedAttempt>> Queued(NpgsqlConnection connection, DateTimeOffset queuedBefore, int limit, CancellationToken cancellationToken)
    {
        await using var reader = await Read(connection, AgingSql, queuedBefore, limit, cancellationToken);
        var found = new List<QueuedAttempt>();
        while (await reader.ReadAsync(cancellationToken))
            found.Add(new QueuedAttempt(reader.GetGuid(0), reader.GetGuid(1), (JobPriority)reader.GetInt32(2), (JobPriority)reader.GetInt32(3),
                reader.GetFieldValue<DateTimeOffset>(4)));
        return found;
    }

    static async Task<List<Attempt>> Attempts(NpgsqlConnection connection, string sql, DateTimeOffset at, int limit, CancellationToken cancellationToken)
    {
        await using var reader = await Read(connection, sql, at, limit, cancellationToken);
        var found = new List<Attempt>();
        while (await reader.ReadAsync(cancellationToken))
            found.Add(new Attempt(reader.GetGuid(0), reader.GetGuid(1)));
        return found;
    }

    static async Task<NpgsqlDataReader> Read(NpgsqlConnection connection, string sql, DateTimeOffset at, int limit, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection)
        {
            Parameters = { new NpgsqlParameter { Value = at }, new NpgsqlParameter { Value = limit } },
        };
        return await command.ExecuteReaderAsync(cancellationToken);
    }
}
