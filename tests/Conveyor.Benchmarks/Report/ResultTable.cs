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
    public static string Render(Results r, BenchmarkOptions options, MachineSize machine, string versions, string loadAfter, string speed)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## Conveyor benchmark{(options.Label.Length > 0 ? " — " + options.Label : "")}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine.Cores} cores ({machine.Cpu}), {machine.MemoryGiB:0.#} GiB memory; load average {machine.LoadAverage} before, {loadAfter} after. {versions}.");
        text.AppendLine(speed);
        text.AppendLine(CultureInfo.InvariantCulture, $"Setup: {options.Broker.Describe()}, PostgreSQL and the four services on this machine; {options.Executors} executor × {options.Slots} slots; {options.Clients} clients.");
        text.AppendLine();
        text.AppendLine("| # | measure | Conveyor | RabbitMQ baseline | ratio | PostgreSQL baseline | ratio |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        // Rows left out with --rows are left out of the table too.
        if (options.Runs(1))
        {
            Rate(text, "1", $"accepted submissions/s, `POST /api/v1/jobs`, {options.Clients} clients", r.Submissions, r);
            Rate(text, "1", $"accepted submissions/s, `POST /api/v1/jobs/bulk` ({r.BulkBatchSize} per request), {options.Clients} clients", r.BulkSubmissions, r);
        }
        EndToEnd(text, r.EndToEnd, r);
        EndToEnd(text, r.EndToEndScript, r);
        if (options.Runs(3))
            Latency(text, "3", "dispatch latency submitted → started, idle, p50 / p95 / p99 ms", r.IdleDispatch, r, all: true);
        if (options.Runs(4))
            Latency(text, "4", $"foreground start latency with {r.WaitingBefore:N0} → {r.WaitingAfter:N0} best_effort waiting, p50 / p99 ms", r.LoadedForeground, r, all: false);
        if (r.DashboardOverview is not null)
        {
            Latency(text, "6", $"dashboard overview `GET /dashboard/`, {r.DashboardRows:N0} jobs in the table, p50 / p95 / p99 ms", r.DashboardOverview, r, all: true);
            Latency(text, "6", $"dashboard job list `GET /dashboard/jobs` (first page of 50), {r.DashboardRows:N0} jobs, p50 / p95 / p99 ms", r.DashboardJobList, r, all: true);
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"| 5 | RabbitMQ persistent confirmed publishes/s, plain RabbitMQ.Client, {options.Clients} channels; publish → delivery p50 / p95 / p99 ms | | {PerSecond(r.RabbitPublishes)}; {Ms(r.RabbitLatency, true)} | | | |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| 5 | PostgreSQL single-row commits/s, plain Npgsql, {options.Clients} connections; commit p50 / p95 / p99 ms | | | | {PerSecond(r.PostgresCommits)}; {Ms(r.PostgresLatency, true)} | |");
        text.AppendLine();
        text.AppendLine("CPU per job (ms; less sensitive than rates to what else runs on the machine; \"job processes\" is what the jobs' own processes used, each binary with its launch, which \"our services together\" leaves out):");
        text.AppendLine();
        if (options.Runs(1))
            text.AppendLine(CultureInfo.InvariantCulture, $"- row 1, per accepted submission: {Cpu(r.SubmissionCpu)}");
        foreach (var run in new[] { r.EndToEnd, r.EndToEndScript }.OfType<EndToEndResult>())
            text.AppendLine(CultureInfo.InvariantCulture, $"- row 2, per end-to-end job ({run.Job}): {Cpu(run.Cpu)}; our services together {Services(run.Cpu):0.0}");
        if (r.EndToEnd?.Messages is { } messages)
            text.AppendLine(CultureInfo.InvariantCulture,
                $"- per end-to-end job, from MassTransit's counters: {messages.SagaMessages:0.0} saga transitions, {messages.Sent:0.0} messages sent to the broker, {messages.Received:0.0} delivered");
        if (r.LoadedCpu.Count > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"- row 4, per job started while the foreground latency was measured: {Cpu(r.LoadedCpu)}; our services together {Services(r.LoadedCpu):0.0}");
        if (r.LoadedForegroundStages is not null)
            text.AppendLine(CultureInfo.InvariantCulture, $"- row 4, where the foreground start's time went (the scheduler's timestamps): {r.LoadedForegroundStages}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Resident memory (MB): idle after start {Memory(r.MemoryIdle)}; at the end of the run {Memory(r.MemoryAtEnd)}.");
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

    static void EndToEnd(StringBuilder text, EndToEndResult? run, Results r)
    {
        if (run is null)
            return;
        Rate(text, "2", $"end-to-end trivial jobs/s ({run.Job}), submitted → completed, slots saturated ({run.Throughput.Count} jobs, submitted in {run.SubmitTime.TotalSeconds:0.0} s, {run.Failed} failed)",
            run.Throughput, r);
    }

    static double Services(IReadOnlyList<(string Service, double MillisecondsPerItem)> cpu) =>
        cpu.Where(c => c.Service is not ("RabbitMQ" or "PostgreSQL" or CpuMeter.JobProcesses)).Sum(c => c.MillisecondsPerItem);

    static string Memory(IReadOnlyList<(string Service, double Megabytes)> memory) =>
        memory.Count == 0 ? "n/a" : string.Join(", ", memory.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Service} {m.Megabytes:0}")));

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
