using Conveyor.Api.Http;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence;
using Conveyor.Persistence.Jobs;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Conveyor.Api.Dashboard;

/// <summary>
/// The overview's figures, each one grouped query over the jobs table, confined to an owner unless the caller is an
/// admin: counts by status, priority and surface (one scan), completions and failures of the last hour in five-minute
/// buckets, and the jobs waiting per pool and priority.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<ConveyorDbContext> contexts, TimeProvider clock)
{
    public static readonly TimeSpan Bucket = TimeSpan.FromMinutes(5);
    public const int Buckets = 12;

    public sealed record Counts(string Status, JobPriority Priority, string Surface, long Count);

    public sealed record Throughput(DateTime Start, long Completed, long Failed);

    public sealed record Waiting(string Pool, JobPriority Priority, long Count);

    public sealed record Overview(IReadOnlyList<Counts> Counts, IReadOnlyList<Throughput> LastHour, IReadOnlyList<Waiting> Waiting);

    public async Task<Overview> Get(string? owner, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return new Overview(await CountAll(db, owner, cancellationToken), await LastHour(db, owner, cancellationToken),
            await WaitingByPool(db, owner, cancellationToken));
    }

    public async Task<IReadOnlyList<Counts>> CountAll(string? owner, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await CountAll(db, owner, cancellationToken);
    }

    static async Task<IReadOnlyList<Counts>> CountAll(ConveyorDbContext db, string? owner, CancellationToken cancellationToken)
    {
        var jobs = Scope(db, owner);
        var rows = await jobs.GroupBy(j => new { j.CurrentState, j.Priority, j.Type })
            .Select(g => new { g.Key.CurrentState, g.Key.Priority, g.Key.Type, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new Counts(PublicStatus.Of(r.CurrentState), r.Priority, JobSurfaces.Of(r.Type), r.Count)).ToList();
    }

    async Task<IReadOnlyList<Throughput>> LastHour(ConveyorDbContext db, string? owner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = new DateTime(now.Ticks - now.Ticks % Bucket.Ticks, DateTimeKind.Utc) - Bucket * (Buckets - 1);
        var buckets = Enumerable.Range(0, Buckets).Select(i => new long[2]).ToArray();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT floor(extract(epoch FROM completed_at - @since) / @bucket)::int, current_state = @failed, count(*)
            FROM jobs
            WHERE completed_at >= @since AND current_state IN (@completed, @failed) AND (@owner::text IS NULL OR owner = @owner)
            GROUP BY 1, 2
            """, connection);
        command.Parameters.AddWithValue("since", since);
        command.Parameters.AddWithValue("bucket", Bucket.TotalSeconds);
        command.Parameters.AddWithValue("completed", JobStates.Completed);
        command.Parameters.AddWithValue("failed", JobStates.Failed);
        command.Parameters.Add(new NpgsqlParameter("owner", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)owner ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var index = reader.GetInt32(0);
            if (index is >= 0 and < Buckets)
                buckets[index][reader.GetBoolean(1) ? 1 : 0] += reader.GetInt64(2);
        }
        return buckets.Select((counts, i) => new Throughput(since + Bucket * i, counts[0], counts[1])).ToList();
    }

    static async Task<IReadOnlyList<Waiting>> WaitingByPool(ConveyorDbContext db, string? owner, CancellationToken cancellationToken)
    {
        var rows = await Scope(db, owner).Where(j => j.CurrentState == JobStates.Pending || j.CurrentState == JobStates.Waiting)
            .GroupBy(j => new { j.Pool, j.DispatchPriority })
            .Select(g => new { g.Key.Pool, g.Key.DispatchPriority, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new Waiting(r.Pool, r.DispatchPriority, r.Count))
            .OrderBy(w => w.Pool, StringComparer.Ordinal).ThenBy(w => w.Priority).ToList();
    }

    static IQueryable<JobLifecycleState> Scope(ConveyorDbContext db, string? owner)
    {
        var jobs = db.Jobs.AsNoTracking();
        return owner is null ? jobs : jobs.Where(j => j.Owner == owner);
    }
}
