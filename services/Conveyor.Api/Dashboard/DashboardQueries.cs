using Conveyor.Api.Http;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence;
using Conveyor.Persistence.Jobs;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Conveyor.Api.Dashboard;

/// <summary>
/// The overview's figures, each one grouped query over the jobs table, confined to an owner unless the caller is an
/// admin: counts by status, priority and surface, completions and failures of the last hour in five-minute buckets, and
/// the jobs waiting per pool and priority. For an admin the first two are read from their indexes alone
/// (<c>ix_jobs_dashboard_counts</c>, <c>ix_jobs_completed_at</c>) and the third from the waiting jobs' partial index.
/// </summary>
public sealed class DashboardQueries(IDbContextFactory<ConveyorDbContext> contexts, TimeProvider clock)
{
    public static readonly TimeSpan Bucket = TimeSpan.FromMinutes(5);
    public const int Buckets = 12;

    public sealed record Counts(string Status, JobPriority Priority, string Surface, long Count);

    public sealed record Throughput(DateTime Start, long Completed, long Failed);

    public sealed record Waiting(string Pool, JobPriority Priority, long Count);

    public sealed record Overview(IReadOnlyList<Counts> Counts, IReadOnlyList<Throughput> LastHour, IReadOnlyList<Waiting> Waiting);

    /// <summary>The three figures at once, each on a connection of its own: the page waits for the slowest, not the sum.</summary>
    public async Task<Overview> Get(string? owner, CancellationToken cancellationToken)
    {
        var counts = CountAll(owner, cancellationToken);
        var lastHour = LastHour(owner, cancellationToken);
        var waiting = WaitingByPool(owner, cancellationToken);
        return new Overview(await counts, await lastHour, await waiting);
    }

    public async Task<IReadOnlyList<Counts>> CountAll(string? owner, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var jobs = Scope(db, owner);
        var rows = await jobs.GroupBy(j => new { j.CurrentState, j.Priority, j.Type })
            .Select(g => new { g.Key.CurrentState, g.Key.Priority, g.Key.Type, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new Counts(PublicStatus.Of(r.CurrentState), r.Priority, JobSurfaces.Of(r.Type), r.Count)).ToList();
    }

    async Task<IReadOnlyList<Throughput>> LastHour(string? owner, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var since = new DateTime(now.Ticks - now.Ticks % Bucket.Ticks, DateTimeKind.Utc) - Bucket * (Buckets - 1);
        var buckets = Enumerable.Range(0, Buckets).Select(i => new long[2]).ToArray();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        // Without an owner, ix_jobs_completed_at answers it alone (an index-only scan); the owner's column is not in it.
        await using var command = new NpgsqlCommand(
            $"""
            SELECT date_bin(@bucket, completed_at, @since), current_state = @failed, count(*)
            FROM jobs
            WHERE completed_at >= @since AND current_state IN (@completed, @failed){(owner is null ? "" : " AND owner = @owner")}
            GROUP BY 1, 2
            """, connection);
        command.Parameters.AddWithValue("since", since);
        command.Parameters.AddWithValue("bucket", Bucket);
        command.Parameters.AddWithValue("completed", JobStates.Completed);
        command.Parameters.AddWithValue("failed", JobStates.Failed);
        if (owner is not null)
            command.Parameters.AddWithValue("owner", owner);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var index = (int)((reader.GetDateTime(0) - since) / Bucket);
            if (index is >= 0 and < Buckets)
                buckets[index][reader.GetBoolean(1) ? 1 : 0] += reader.GetInt64(2);
        }
        return buckets.Select((counts, i) => new Throughput(since + Bucket * i, counts[0], counts[1])).ToList();
    }

    async Task<IReadOnlyList<Waiting>> WaitingByPool(string? owner, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
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
