using System.Text.Json.Nodes;
using Conveyor.Contracts.Attempts;
using Conveyor.EndToEnd.Tests.Scheduling;
using Conveyor.TestSupport;
using MassTransit;
using Npgsql;

namespace Conveyor.EndToEnd.Tests.Lifecycle;

/// <summary>
/// Many messages for one job at once, against the real scheduler and its PostgreSQL saga repository: the row lock makes
/// them take turns, so none of them is lost and none of them is applied on top of a state it did not see. The pool stack
/// has no executor, so the test plays the executors itself and nothing else touches the job.
/// </summary>
[Collection(PoolStackCollection.Name)]
public sealed class ConcurrentMessagesTests(PoolStackFixture fixture) : IAsyncLifetime
{
    const int Racers = 40;
    readonly PoolJobs jobs = new(fixture);

    [Fact]
    public async Task Should_grant_exactly_one_of_many_executors_racing_to_start_the_same_attempt()
    {
        var id = await jobs.SubmitQuick("race-start", "background");
        var attempt = await CurrentAttempt(id);
        await using var bus = new StartedBus(await TestBus.Start(fixture.Stack.VirtualHost));
        var client = bus.Bus.CreateRequestClient<StartAttempt>(RequestTimeout.After(s: 60));

        var answers = await Task.WhenAll(Enumerable.Range(0, Racers).Select(async racer =>
        {
            var response = await client.GetResponse<AttemptGranted, AttemptRefused>(new StartAttempt(id, attempt, $"racer-{racer}", $"http://racer-{racer}.invalid"));
            return (Racer: $"racer-{racer}", Granted: response.Is(out Response<AttemptGranted>? _));
        }));

        var winner = Assert.Single(answers, a => a.Granted).Racer;
        var job = await jobs.WaitForStatus(id, "running");
        var recorded = Assert.Single(job["attempts"]!.AsArray());
        Assert.Equal(winner, (string?)recorded!["executor_id"]);
        Assert.Equal(winner, (string?)job["executor_id"]);

        // The winner finishes its attempt, as a real executor would; left running, supervision would declare it lost
        // and queue a retry.
        await bus.Bus.Publish(new AttemptCompleted { JobId = id, AttemptId = attempt, ExitCode = 0, Stdout = "", Stderr = "", FinishedAt = DateTimeOffset.UtcNow });
        Assert.Equal("completed", (string?)(await fixture.Jobs.WaitForTerminal(id, TimeSpan.FromSeconds(60)))["status"]);
    }

    [Fact]
    public async Task Should_end_a_job_once_when_its_reports_heartbeats_and_duplicates_arrive_all_at_once()
    {
        var id = await jobs.SubmitQuick("race-report", "background");
        var attempt = await CurrentAttempt(id);
        await using var completedTap = await BrokerTap.Listen(fixture.Stack.VirtualHost, "Conveyor.Contracts.Jobs:JobCompleted");
        await using var failedTap = await BrokerTap.Listen(fixture.Stack.VirtualHost, "Conveyor.Contracts.Jobs:JobFailed");
        await using var bus = new StartedBus(await TestBus.Start(fixture.Stack.VirtualHost));
        var granted = await bus.Bus.CreateRequestClient<StartAttempt>(RequestTimeout.After(s: 60))
            .GetResponse<AttemptGranted, AttemptRefused>(new StartAttempt(id, attempt, "holder", "http://holder.invalid"));
        Assert.True(granted.Is(out Response<AttemptGranted>? _), "the only executor asking was refused");

        var now = DateTimeOffset.UtcNow;
        var completed = new AttemptCompleted { JobId = id, AttemptId = attempt, ExitCode = 0, Stdout = "done\n", Stderr = "", FinishedAt = now };
        var failed = new AttemptFailed { JobId = id, AttemptId = attempt, Error = "the runtime broke", Retryable = false, FailedAt = now };
        // Every report three times over (as redeliveries after a crash would bring them), racing twenty heartbeats.
        var sends = new List<Func<Task>>();
        for (var copy = 0; copy < 3; copy++)
        {
            sends.Add(() => bus.Bus.Publish(completed));
            sends.Add(() => bus.Bus.Publish(failed));
        }
        for (var beat = 0; beat < 20; beat++)
            sends.Add(() => bus.Bus.Publish(new AttemptHeartbeat(id, attempt, "holder", DateTimeOffset.UtcNow)));
        await Task.WhenAll(sends.Select(send => Task.Run(send)));

        var job = await fixture.Jobs.WaitForTerminal(id, TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3)); // room for a second terminal event to show itself
        var terminalEvents = DistinctMessages(completedTap, id) + DistinctMessages(failedTap, id);
        Assert.Equal(1, terminalEvents);
        var status = (string?)job["status"];
        var recorded = Assert.Single(job["attempts"]!.AsArray());
        if (status == "completed")
        {
            Assert.Equal(1, DistinctMessages(completedTap, id));
            Assert.Equal((0, "done\n", "completed"), ((int?)job["exit_code"], (string?)job["stdout"], (string?)recorded!["status"]));
        }
        else
        {
            Assert.Equal("failed", status);
            Assert.Equal(1, DistinctMessages(failedTap, id));
            Assert.Contains("the runtime broke", (string?)job["error"] ?? (string?)recorded!["error"]);
        }
    }

    [Fact]
    public async Task Should_answer_a_redelivered_start_request_with_silence_not_with_a_refusal()
    {
        var id = await jobs.SubmitQuick("redelivered-start", "background");
        var attempt = await CurrentAttempt(id);
        await using var bus = new StartedBus(await TestBus.Start(fixture.Stack.VirtualHost));
        var start = new StartAttempt(id, attempt, "holder", "http://holder.invalid");
        var messageId = NewId.NextGuid();
        var client = bus.Bus.CreateRequestClient<StartAttempt>(RequestTimeout.After(s: 60));

        var first = await client.GetResponse<AttemptGranted, AttemptRefused>(start, request => request.UseExecute(send => send.MessageId = messageId));
        Assert.True(first.Is(out Response<AttemptGranted>? _), "the only executor asking was refused");

        // The same message again, as a redelivery after a crash brings it: its transition committed once, so it is dropped.
        // Answered, it would be "already running", and an executor that missed the grant would drop the attempt it holds.
        var again = bus.Bus.CreateRequestClient<StartAttempt>(RequestTimeout.After(s: 5))
            .GetResponse<AttemptGranted, AttemptRefused>(start, request => request.UseExecute(send => send.MessageId = messageId));
        await Assert.ThrowsAsync<RequestTimeoutException>(() => again);

        // A different message asking the same is a second executor, and is refused: the silence above was the inbox.
        var other = await client.GetResponse<AttemptGranted, AttemptRefused>(start with { ExecutorId = "another" });
        Assert.True(other.Is(out Response<AttemptRefused>? refused), "a second executor was granted a running attempt");
        Assert.Equal("the job is already running", refused.Message.Reason);
        // Dropped, not failing: a redelivery whose save broke would sit unacknowledged in the saga's queue, being retried.
        Assert.True(await SagaQueueSettles(), "a message stayed unacknowledged in the saga's queue");

        await bus.Bus.Publish(new AttemptCompleted { JobId = id, AttemptId = attempt, ExitCode = 0, Stdout = "", Stderr = "", FinishedAt = DateTimeOffset.UtcNow });
        Assert.Equal("completed", (string?)(await fixture.Jobs.WaitForTerminal(id, TimeSpan.FromSeconds(60)))["status"]);
    }

    [Fact]
    public async Task Should_apply_every_report_of_many_jobs_arriving_at_once_when_one_of_them_cannot_be_saved()
    {
        const int Jobs = 24;
        var ids = await Task.WhenAll(Enumerable.Range(0, Jobs).Select(_ => jobs.SubmitQuick("reports-together", "background")));
        var attempts = await Task.WhenAll(ids.Select(CurrentAttempt));
        await using var bus = new StartedBus(await TestBus.Start(fixture.Stack.VirtualHost));
        var client = bus.Bus.CreateRequestClient<StartAttempt>(RequestTimeout.After(s: 60));
        var grants = await Task.WhenAll(ids.Select((id, i) =>
            client.GetResponse<AttemptGranted, AttemptRefused>(new StartAttempt(id, attempts[i], "holder", "http://holder.invalid"))));
        Assert.All(grants, grant => Assert.True(grant.Is(out Response<AttemptGranted>? _), "the only executor asking was refused"));

        // Every job's report at once, so that the scheduler commits them in groups; one of them carries text PostgreSQL
        // cannot store (a NUL), as executors sent before they replaced it. Its failure must not take the others with it.
        var poisoned = Jobs / 2;
        AttemptCompleted Report(int i, string stdout) => new()
        {
            JobId = ids[i], AttemptId = attempts[i], ExitCode = 0, Stdout = stdout, Stderr = "", FinishedAt = DateTimeOffset.UtcNow,
        };
        await Task.WhenAll(Enumerable.Range(0, Jobs).Select(i => bus.Bus.Publish(Report(i, i == poisoned ? "unstorable\0" : $"job {i}\n"))));

        foreach (var i in Enumerable.Range(0, Jobs).Where(i => i != poisoned))
        {
            var job = await fixture.Jobs.WaitForTerminal(ids[i], TimeSpan.FromSeconds(30));
            Assert.Equal(("completed", $"job {i}\n"), ((string?)job["status"], (string?)job["stdout"]));
        }
        var (_, stuck) = await fixture.Jobs.Get(ids[poisoned].ToString());
        Assert.Equal("running", (string?)stuck?["status"]);

        // A storable report ends it; the refused one, still being retried, then finds the job finished and changes nothing.
        await bus.Bus.Publish(Report(poisoned, "fine\n"));
        var ended = await fixture.Jobs.WaitForTerminal(ids[poisoned], TimeSpan.FromSeconds(60));
        Assert.Equal(("completed", "fine\n"), ((string?)ended["status"], (string?)ended["stdout"]));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // The work the scheduler queued for these jobs was never taken (the test played the executor): it must not be the
    // first thing the next test's executor receives.
    public Task DisposeAsync() => fixture.Stack.VirtualHost.Purge("execute-job-cpu");

    async Task<Guid> CurrentAttempt(Guid id)
    {
        await using var connection = new NpgsqlConnection(fixture.Stack.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_attempt_id FROM jobs WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Whether the saga's queue holds no unacknowledged message within 15 s (the broker refreshes its figures every 5 s).</summary>
    async Task<bool> SagaQueueSettles()
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(15); DateTime.UtcNow < deadline; await Task.Delay(500))
        {
            if (await fixture.Stack.VirtualHost.Queue("job-lifecycle-state") is { Unacknowledged: 0 })
                return true;
        }
        return false;
    }

    static int DistinctMessages(BrokerTap tap, Guid jobId) =>
        tap.Messages.Where(m => (Guid?)m["message"]?["jobId"] == jobId).Select(m => (string?)m["messageId"]).Distinct().Count();

    /// <summary>Stops the test's bus when the test ends.</summary>
    sealed class StartedBus(IBusControl bus) : IAsyncDisposable
    {
        public IBusControl Bus => bus;

        public async ValueTask DisposeAsync() => await bus.StopAsync();
    }
}
