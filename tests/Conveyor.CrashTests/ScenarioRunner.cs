using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Conveyor.TestSupport;

namespace Conveyor.CrashTests;

/// <summary>
/// Submits a batch (some jobs long enough to be running at the fault), injects the fault halfway through, then waits for
/// every accepted job to end and checks the outcome against the database, the jobs' own run log and a bus subscriber.
/// </summary>
public static class ScenarioRunner
{
    public const int BatchSize = 200;
    const int Clients = 16;
    static readonly TimeSpan RecoveryLimit = TimeSpan.FromMinutes(3);
    static readonly TimeSpan SubmitLimit = TimeSpan.FromMinutes(3);
    static readonly TimeSpan AnswerLimit = TimeSpan.FromSeconds(20);

    static readonly Dictionary<string, string> FastSupervision = new()
    {
        ["Scheduler__HeartbeatTimeout"] = "00:00:10",
        ["Scheduler__SweepInterval"] = "00:00:00.500",
        ["Scheduler__RetryBaseDelay"] = "00:00:00.500",
        ["Executor__HeartbeatInterval"] = "00:00:01",
        ["Executor__Slots"] = "8",
    };

    public static Task<ScenarioOutcome> Run(CrashScenario scenario) => Run(scenario, SingleHost.Start, BatchSize);

    /// <param name="topology">Starts the services the scenario runs on, given the settings they all get.</param>
    /// <param name="batchSize">How many jobs the clients submit.</param>
    public static async Task<ScenarioOutcome> Run(CrashScenario scenario, Func<IReadOnlyDictionary<string, string>, Task<ScenarioTopology>> topology,
        int batchSize)
    {
        var settings = new Dictionary<string, string>(FastSupervision);
        foreach (var (key, value) in scenario.Settings ?? new Dictionary<string, string>())
            settings[key] = value;

        await using var placed = await topology(settings);
        var stack = placed.Stack;
        await using var subscriber = await TerminalEventCounter.Start(stack.VirtualHost);
        var runLog = new RunLog();
        var quick = placed.AddScript("quick.sh", $"{runLog.Start}\n{runLog.End}\necho done");
        var slow = placed.AddScript("slow.sh", $"{runLog.Start}\n/bin/sleep 3\n{runLog.End}\necho done");

        var accepted = new System.Collections.Concurrent.ConcurrentDictionary<Guid, string>();
        var faultInjected = new TaskCompletionSource<DateTimeOffset>();
        var next = -1;
        // However the fault goes, submitting ends: a client that cannot get a job accepted by then reports it not accepted.
        var giveUpAt = DateTimeOffset.UtcNow + SubmitLimit;

        async Task Submitter(HttpClient api)
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < batchSize)
            {
                if (index == batchSize / 2)
                    _ = Task.Run(async () => { await scenario.Fault(placed); faultInjected.TrySetResult(DateTimeOffset.UtcNow); });
                var (url, sha256) = index % 5 == 0 ? slow : quick;
                Guid? id = null;
                string token = "";
                // While the fault lasts a client keeps trying (as a real client would), each try a new submission. A try
                // whose answer was lost may still have been accepted and run: it is another job, so it gets its own token,
                // and its runs are never mistaken for a second run of the job that was answered.
                for (var tries = 0; id is null && DateTimeOffset.UtcNow < giveUpAt; tries++)
                {
                    token = $"job{index:D4}-{tries}";
                    var job = new { type = "crash-suite", binary_url = url, binary_sha256 = sha256, arguments = new[] { token }, priority = "background" };
                    id = await TrySubmit(api, job);
                }
                if (id is { } jobId)
                    accepted[jobId] = token;
            }
        }

        // Clients spread over the API instances, as behind a load balancer.
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Submitter(placed.Apis[client % placed.Apis.Count])));
        var faultEnded = await faultInjected.Task.WaitAsync(TimeSpan.FromMinutes(3));

        var (terminal, completed, failed) = await WaitForTerminal(stack.Database, accepted.Keys.ToList());
        var recovered = DateTimeOffset.UtcNow;
        await WaitForEvents(subscriber, terminal, TimeSpan.FromSeconds(20));

        var overlapping = runLog.Overlapping();
        var lost = accepted.Keys.Count(id => !terminal.Contains(id) || subscriber.DistinctEventsFor(id) == 0);
        var duplicated = accepted.Count(pair => overlapping.Contains(pair.Value) || subscriber.DistinctEventsFor(pair.Key) > 1);
        var stuck = (await stack.Database.States(accepted.Keys.Where(id => !terminal.Contains(id)).ToList()))
            .GroupBy(s => s.Value).Select(g => $"{g.Key}: {g.Count()}");
        // Every attempt the saga announced as started must be in its record, and no other: two schedulers writing one job
        // at once would lose one's update, and it would show here as an attempt announced but missing, or the reverse.
        var attempts = await stack.Database.StartedAttempts(accepted.Keys.ToList());
        var recorded = attempts.ToLookup(a => a.JobId, a => a.AttemptId);
        var unrecorded = accepted.Keys.Count(id => !subscriber.AttemptsStarted(id).SetEquals(recorded[id]));
        var byExecutor = attempts.GroupBy(a => $"{a.ExecutorId} {a.Status}").OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
        var restarts = stack.SupervisedRestarts;
        var details = $"restarted by their supervisor [{string.Join(", ", restarts)}], accepted {accepted.Count}, terminal {terminal.Count}, ran on two executors at once {overlapping.Count}, run again after a fault {runLog.RerunCount()}, " +
            $"not terminal by state [{string.Join(", ", stuck)}], attempts announced but not recorded or the reverse {unrecorded}, " +
            $"attempts by executor and status [{string.Join(", ", byExecutor)}], error queues [{await stack.VirtualHost.ErrorQueueDepths()}], queues holding messages [{await stack.VirtualHost.QueueSummary()}]";
        return new ScenarioOutcome(scenario.Name, accepted.Count, completed, failed, lost, duplicated, restarts.Count, recovered - faultEnded,
            details + "\n" + (lost + duplicated + unrecorded > 0 ? stack.Logs() : ""))
        {
            UnrecordedTransitions = unrecorded,
            Attempts = attempts,
            Reruns = runLog.RerunCount(),
        };
    }

    static async Task<Guid?> TrySubmit(HttpClient api, object job)
    {
        try
        {
            using var answerLimit = new CancellationTokenSource(AnswerLimit);
            var response = await api.PostAsJsonAsync("/api/v1/jobs", job, answerLimit.Token);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                await Task.Delay(500);
                return null;
            }
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(answerLimit.Token))!["id"]!.GetValue<Guid>();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // The API died or was unreachable before answering: the job was not accepted (it may still run).
            await Task.Delay(500);
            return null;
        }
    }

    static async Task<(HashSet<Guid> Terminal, int Completed, int Failed)> WaitForTerminal(IsolatedDatabase database, List<Guid> ids)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            Dictionary<Guid, string> states;
            try
            {
                states = await database.States(ids);
            }
            catch (Npgsql.NpgsqlException)
            {
                // The database may still be coming back from a restart.
                await Task.Delay(500);
                continue;
            }
            var terminal = states.Where(s => s.Value is "Completed" or "Failed" or "Cancelled").Select(s => s.Key).ToHashSet();
            if (terminal.Count == ids.Count || watch.Elapsed > RecoveryLimit)
                return (terminal, states.Count(s => s.Value == "Completed"), states.Count(s => s.Value == "Failed"));
            await Task.Delay(500);
        }
    }

    static async Task WaitForEvents(TerminalEventCounter subscriber, HashSet<Guid> terminal, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (terminal.Any(id => subscriber.DistinctEventsFor(id) == 0) && watch.Elapsed < limit)
            await Task.Delay(250);
        // Give late duplicates (a resend after a crash) a moment to show themselves.
        await Task.Delay(TimeSpan.FromSeconds(2));
    }
}
