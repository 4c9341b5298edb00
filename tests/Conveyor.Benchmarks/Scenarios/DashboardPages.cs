using System.Diagnostics;
using Conveyor.Benchmarks.Measurement;
using Conveyor.TestSupport;
using Npgsql;

namespace Conveyor.Benchmarks.Scenarios;

/// <summary>
/// Row 6: how long the dashboard's overview and first job-list page take to answer with a full table. The jobs table is
/// topped up to <see cref="Jobs"/> rows by copying a finished job of row 2 in SQL (every tenth copy failed, created over
/// the last hours), vacuumed as autovacuum would, then each page is fetched one at a time, after a warm-up, and timed
/// from request to the last byte. It runs after row 2, whose jobs it copies.
/// </summary>
public sealed class DashboardPages(ConveyorStack stack)
{
    public const int Jobs = 100_000;
    const int WarmUp = 10;
    const int Samples = 50;

    public async Task<(Latencies Overview, Latencies JobList, long Rows)> Measure()
    {
        var rows = await TopUp();
        return (await Time("/dashboard/"), await Time("/dashboard/jobs"), rows);
    }

    async Task<long> TopUp()
    {
        await using var connection = new NpgsqlConnection(stack.Database.ConnectionString);
        await connection.OpenAsync();
        var existing = Convert.ToInt64(await new NpgsqlCommand("SELECT count(*) FROM jobs", connection).ExecuteScalarAsync());
        var missing = Jobs - existing;
        var template = await new NpgsqlCommand("SELECT id FROM jobs WHERE current_state = 'Completed' ORDER BY created_at LIMIT 1", connection).ExecuteScalarAsync();
        if (missing <= 0 || template is not Guid templateId)
            return existing;
        await using var columns = new NpgsqlCommand(
            "SELECT string_agg(quote_ident(column_name), ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'jobs' AND table_schema = current_schema()",
            connection);
        var names = ((string)(await columns.ExecuteScalarAsync())!).Split(',');
        var values = names.Select(name => name switch
        {
            "id" => "gen_random_uuid()",
            "created_at" => "now() - g * interval '200 ms'",
            "current_state" => "CASE WHEN g % 10 = 0 THEN 'Failed' ELSE 'Completed' END",
            "error" => "CASE WHEN g % 10 = 0 THEN 'the binary exited with code 1' END",
            _ => "t." + name,
        });
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO jobs ({string.Join(',', names)}) SELECT {string.Join(',', values)} FROM jobs t, generate_series(1, @missing) g WHERE t.id = @template",
            connection) { CommandTimeout = 600 };
        insert.Parameters.AddWithValue("missing", (int)missing);
        insert.Parameters.AddWithValue("template", templateId);
        await insert.ExecuteNonQueryAsync();
        // What autovacuum does to a table after this many inserts: statistics, and the visibility map that lets the
        // overview's counts come from the indexes alone.
        await new NpgsqlCommand("VACUUM ANALYZE jobs", connection) { CommandTimeout = 600 }.ExecuteNonQueryAsync();
        return existing + missing;
    }

    async Task<Latencies> Time(string path)
    {
        var times = new List<double>();
        for (var i = 0; i < WarmUp + Samples; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await stack.Api.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            if (i >= WarmUp)
                times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return Latencies.Of(times);
    }
}
