using System.Diagnostics;
using Conveyor.Benchmarks.Measurement;
using Conveyor.TestSupport;

namespace Conveyor.Benchmarks.Scenarios;

/// <summary>
/// Conveyor's rows, in an order that lets each prepare the next: submissions with no executor running leave the
/// best_effort backlog that the loaded-latency row needs; that backlog is then purged so the idle and end-to-end rows
/// start from an empty queue.
/// </summary>
public sealed class ConveyorScenarios(ConveyorStack stack, BenchmarkOptions options, TrivialJob job, TrivialJob script, Results results)
{
    const int BestEffort = 1;
    const string BacklogType = "bench-backlog";
    const string EndToEndType = "bench-end-to-end";
    const int BulkBatchSize = 100;
    const int WarmUpSamples = 20;
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    readonly BenchClient client = new(stack.Api);
    readonly JobCounts counts = new(stack.Database);

    public async Task Run()
    {
        if (options.Runs(1))
            await Submissions();
        if (options.Runs(4))
            await FillBacklog();
        for (var i = 0; i < options.Executors; i++)
            await stack.StartExecutor("cpu", options.Slots);
        // The executors start only now; their idle memory is read before they get work.
        results.MemoryIdle = [.. results.MemoryIdle, .. ResidentMemory.Read(stack.Processes).Where(m => m.Service == "Executor")];
        if (options.Runs(4))
            await LoadedForeground();
        await stack.VirtualHost.Purge("execute-job-cpu");
        Log("purged the best_effort backlog; waiting for running jobs to finish");
        await JobCounts.WaitUntil(async () => await counts.Running() == 0, Patience);
        if (options.Runs(3))
        {
            Log("idle dispatch latency");
            var latency = new DispatchLatency(client, job);
            await latency.Measure(WarmUpSamples, "foreground");
            results.IdleDispatch = await latency.Measure(options.LatencySamples, "foreground");
        }
        if (options.Runs(2))
        {
            results.EndToEnd = await EndToEnd(job, EndToEndType, counted: true);
            results.EndToEndScript = await EndToEnd(script, EndToEndType + "-script", counted: false);
        }
        if (options.Runs(6))
        {
            Log($"dashboard pages with {DashboardPages.Jobs:N0} jobs in the table");
            (results.DashboardOverview, results.DashboardJobList, results.DashboardRows) = await new DashboardPages(stack).Measure();
        }
    }

    async Task Submissions()
    {
        var single = job.Body(BacklogType, "best_effort");
        // Untimed first: the services' first requests pay for JIT compilation and opening connections, not for their work.
        Log("warming up");
        await LoadRunner.Run(options.Clients, TimeSpan.FromSeconds(5), 100_000, async _ => await client.Submit(single) is null ? 0 : 1);
        Log($"POST /api/v1/jobs from {options.Clients} clients for {options.Duration.TotalSeconds:0} s");
        var cpu = new CpuMeter(stack.Processes);
        cpu.Start();
        results.Submissions = await LoadRunner.Run(options.Clients, options.Duration, 100_000, async _ => await client.Submit(single) is null ? 0 : 1);
        results.SubmissionCpu = cpu.PerItem(results.Submissions.Count);

        if (!await client.HasBulk())
        {
            Log("bulk submit: endpoint missing");
            return;
        }
        Log($"POST /api/v1/jobs/bulk, {BulkBatchSize} jobs each, from {options.Clients} clients for {options.Duration.TotalSeconds:0} s");
        var bulk = job.BulkBody(BacklogType, "best_effort", BulkBatchSize);
        results.BulkBatchSize = BulkBatchSize;
        results.BulkSubmissions = await LoadRunner.Run(options.Clients, options.Duration, 200_000, _ => client.SubmitBulk(bulk));
    }

    async Task FillBacklog()
    {
        var single = job.Body(BacklogType, "best_effort");
        var missing = options.BestEffortWaiting - await counts.Waiting(BestEffort);
        if (missing <= 0)
            return;
        Log($"topping the best_effort backlog up by {missing}");
        await LoadRunner.Run(options.Clients, Patience, missing, async _ => await client.Submit(single) is null ? 0 : 1);
    }

    async Task LoadedForeground()
    {
        var saturated = options.Executors * options.Slots;
        await JobCounts.WaitUntil(async () => await counts.Running() >= saturated, TimeSpan.FromSeconds(30), 20);
        results.WaitingBefore = await counts.Waiting(BestEffort);
        Log($"foreground latency with {results.WaitingBefore} best_effort waiting");
        var cpu = new CpuMeter(stack.Processes);
        cpu.Start();
        results.LoadedForeground = await new DispatchLatency(client, job).Measure(options.LoadedLatencySamples, "foreground");
        results.WaitingAfter = await counts.Waiting(BestEffort);
        // Every job that started meanwhile: the best_effort ones that left the queue and the foreground samples.
        results.LoadedCpu = cpu.PerItem(results.WaitingBefore - results.WaitingAfter + options.LoadedLatencySamples);
        results.LoadedForegroundStages = await counts.DispatchStages("bench-latency-foreground");
        Log($"where the foreground wait was: {results.LoadedForegroundStages}");
    }

    async Task<EndToEndResult> EndToEnd(TrivialJob kind, string type, bool counted)
    {
        Log($"end to end: {options.EndToEndJobs} trivial jobs ({kind.Name}) from {options.Clients} clients");
        var body = kind.Body(type, "background");
        var cpu = new CpuMeter(stack.Processes);
        var counters = counted ? await BusCounters.Read(stack) : null;
        cpu.Start();
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await LoadRunner.Run(options.Clients, Patience, options.EndToEndJobs, async _ => await client.Submit(body) is null ? 0 : 1);
        var submitTime = clock.Elapsed;
        // Polled slowly, since each count scans the table; the time taken is the last job's own completed_at.
        var done = await JobCounts.WaitUntil(async () => await counts.Finished(type) >= options.EndToEndJobs, Patience, 250);
        var finished = await counts.Finished(type);
        var elapsed = await counts.LastFinishedAt(type) is { } last ? last - started : clock.Elapsed;
        var throughput = new Throughput(finished, elapsed, done ? 0 : options.EndToEndJobs - finished);
        return new EndToEndResult
        {
            Job = kind.Name,
            Throughput = throughput,
            SubmitTime = submitTime,
            Failed = await counts.Failed(type),
            Cpu = cpu.PerItem(finished),
            Messages = counters is null ? null : (await BusCounters.Read(stack)).PerItem(counters, finished),
        };
    }

    static void Log(string message) => Console.Error.WriteLine($"[bench {DateTime.UtcNow:HH:mm:ss}] {message}");
}
