using System.Globalization;
using System.Text;
using Conveyor.Benchmarks.Measurement;
using Conveyor.Benchmarks.Scenarios;

namespace Conveyor.Benchmarks.Report;

/// <summary>
/// The markdown table: every Conveyor figure beside the same run's plain-client baselines, as a ratio.
/// Throughput ratios are Conveyor ÷ baseline (1 would be as fast as the bare broker or database); latency ratios are
/// Conveyor ÷ baseline too (1 would be as quick as one bare publish-to-delivery or one bare commit).
/// </summary>
public static class ResultTable
{
    public static string Render(Results r, BenchmarkOptions options, MachineSize machine, string versions, string loadAfter)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## Conveyor benchmark{(options.Label.Length > 0 ? " — " + options.Label : "")}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine.Cores} cores ({machine.Cpu}), {machine.MemoryGiB:0.#} GiB memory; load average {machine.LoadAverage} before, {loadAfter} after. {versions}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Setup: RabbitMQ, PostgreSQL and the four services on this machine; {options.Executors} executor × {options.Slots} slots; {options.Clients} clients.");
        text.AppendLine();
        text.AppendLine("| # | measure | Conveyor | RabbitMQ baseline | ratio | PostgreSQL baseline | ratio |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        Rate(text, "1", $"accepted submissions/s, `POST /api/v1/jobs`, {options.Clients} clients", r.Submissions, r);
        if (r.BulkSubmissions is null)
            text.AppendLine("| 1 | accepted submissions/s, bulk submit | not available: endpoint missing | | | | |");
        else
            Rate(text, "1", $"accepted submissions/s, `POST /api/v1/jobs/bulk` ({r.BulkBatchSize} per request), {options.Clients} clients", r.BulkSubmissions, r);
        Rate(text, "2", $"end-to-end trivial-binary jobs/s, submitted → completed, slots saturated ({r.EndToEnd?.Count} jobs, submitted in {r.EndToEndSubmitTime.TotalSeconds:0.0} s, {r.EndToEndFailed} failed)", r.EndToEnd, r);
        Latency(text, "3", "dispatch latency submitted → started, idle, p50 / p95 / p99 ms", r.IdleDispatch, r, all: true);
        Latency(text, "4", $"foreground start latency with {r.WaitingBefore:N0} → {r.WaitingAfter:N0} best_effort waiting, p50 / p99 ms", r.LoadedForeground, r, all: false);
        text.AppendLine(CultureInfo.InvariantCulture, $"| 5 | RabbitMQ persistent confirmed publishes/s, plain RabbitMQ.Client, {options.Clients} channels; publish → delivery p50 / p95 / p99 ms | | {PerSecond(r.RabbitPublishes)}; {Ms(r.RabbitLatency, true)} | | | |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| 5 | PostgreSQL single-row commits/s, plain Npgsql, {options.Clients} connections; commit p50 / p95 / p99 ms | | | | {PerSecond(r.PostgresCommits)}; {Ms(r.PostgresLatency, true)} | |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"CPU per job (ms, per service; less sensitive than rates to what else runs on the machine): row 1 {Cpu(r.SubmissionCpu)}; row 2 {Cpu(r.EndToEndCpu)}.");
        text.AppendLine();
        text.AppendLine("Ratios are Conveyor ÷ baseline. For throughput, 1.00× would match the bare broker or database; for latency, 1.00× would match one bare publish-to-delivery or one bare commit.");
        return text.ToString();
    }

    static void Rate(StringBuilder text, string row, string measure, Throughput? value, Results r) =>
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {row} | {measure} | {PerSecond(value)} | {PerSecond(r.RabbitPublishes)} | {Ratio(value?.PerSecond, r.RabbitPublishes?.PerSecond)} | {PerSecond(r.PostgresCommits)} | {Ratio(value?.PerSecond, r.PostgresCommits?.PerSecond)} |");

    static void Latency(StringBuilder text, string row, string measure, Latencies? value, Results r, bool all) =>
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {row} | {measure} | {Ms(value, all)} | {Ms(r.RabbitLatency, all)} | {LatencyRatio(value, r.RabbitLatency, all)} | {Ms(r.PostgresLatency, all)} | {LatencyRatio(value, r.PostgresLatency, all)} |");

    static string Cpu(IReadOnlyList<(string Service, double MillisecondsPerItem)> cpu) =>
        cpu.Count == 0 ? "n/a" : string.Join(", ", cpu.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Service} {c.MillisecondsPerItem:0.0}")));

    static string PerSecond(Throughput? t) =>
        t is null ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{t.PerSecond:N0}/s{(t.Errors > 0 ? $" ({t.Errors} errors)" : "")}");

    static string Ms(Latencies? l, bool all) =>
        l is null ? "n/a" : all
            ? string.Create(CultureInfo.InvariantCulture, $"{l.P50:0.0} / {l.P95:0.0} / {l.P99:0.0}")
            : string.Create(CultureInfo.InvariantCulture, $"{l.P50:0.0} / {l.P99:0.0}");

    static string Ratio(double? value, double? baseline) =>
        value is null || baseline is null or 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{value / baseline:0.00}×");

    static string LatencyRatio(Latencies? value, Latencies? baseline, bool all) =>
        value is null || baseline is null ? "n/a" : all
            ? $"{Ratio(value.P50, baseline.P50)} / {Ratio(value.P95, baseline.P95)} / {Ratio(value.P99, baseline.P99)}"
            : $"{Ratio(value.P50, baseline.P50)} / {Ratio(value.P99, baseline.P99)}";
}
