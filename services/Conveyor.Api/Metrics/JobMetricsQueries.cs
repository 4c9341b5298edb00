using Conveyor.Contracts.Jobs;
using Conveyor.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Api.Metrics;

/// <summary>
/// Job figures read from the saga rows at scrape time, so every API instance reports the same numbers and a restart
/// loses none: waiting work per pool and priority, and how long jobs waited from submission to their first start.
/// </summary>
public sealed class JobMetricsQueries(IDbContextFactory<ConveyorDbContext> contexts)
{
    /// <summary>Bucket bounds of the dispatch latency histogram, in seconds (the design's targets are 5 and 10 ms).</summary>
    public static readonly double[] DispatchBounds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

    /// <summary>Waiting attempts by pool and by the priority their work was queued with (aging may have raised it).</summary>
    public async Task<IReadOnlyList<(string Pool, JobPriority Priority, long Count)>> QueueDepth(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Jobs.AsNoTracking().Where(j => j.CurrentState == "Pending")
            .GroupBy(j => new { j.Pool, j.DispatchPriority })
            .Select(g => new { g.Key.Pool, Priority = g.Key.DispatchPriority, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Pool, r.Priority, r.Count)).ToList();
    }

    /// <summary>Cumulative counts per bucket bound, then the total count and the sum of seconds.</summary>
    public async Task<(long[] Buckets, long Count, double Sum)> DispatchLatency(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var filters = string.Join(",\n", DispatchBounds.Select((b, i) =>
            $"count(*) FILTER (WHERE extract(epoch FROM started_at - created_at) <= {b.ToString(System.Globalization.CultureInfo.InvariantCulture)}) AS b{i}"));
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {filters},
                   count(*) AS total,
                   coalesce(sum(extract(epoch FROM started_at - created_at)), 0)::float8 AS seconds
            FROM jobs WHERE started_at IS NOT NULL
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var buckets = DispatchBounds.Select((_, i) => reader.GetInt64(i)).ToArray();
        return (buckets, reader.GetInt64(DispatchBounds.Length), reader.GetDouble(DispatchBounds.Length + 1));
    }
}
