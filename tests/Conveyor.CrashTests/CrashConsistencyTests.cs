using Xunit.Abstractions;

namespace Conveyor.CrashTests;

/// <summary>
/// The guarantee, tested with real processes, broker and database: whatever fails, every accepted job ends exactly once,
/// none is lost, none runs to completion twice, and subscribers hear exactly one terminal event per job.
/// </summary>
[Collection(CrashCollection.Name)]
public sealed class CrashConsistencyTests(CrashReport report, ITestOutputHelper output)
{
    [Fact]
    public Task Should_lose_and_duplicate_nothing_when_the_scheduler_is_killed_and_restarted() =>
        Check(new CrashScenario("kill -9 scheduler, restart", on => Faults.KillAndRestart(on.Stack, "Conveyor.Scheduler")));

    [Fact]
    public Task Should_lose_and_duplicate_nothing_when_an_executor_is_killed_mid_job() =>
        Check(new CrashScenario("kill -9 executor, start another", on => Faults.KillAndReplace(on.Stack, "Conveyor.Executor")));

    [Fact]
    public Task Should_lose_and_duplicate_nothing_when_rabbitmq_restarts() =>
        Check(new CrashScenario("restart RabbitMQ", _ => Faults.RestartRabbitMq()));

    [Fact]
    public Task Should_lose_and_duplicate_nothing_when_postgresql_restarts() =>
        Check(new CrashScenario("restart PostgreSQL", _ => Faults.RestartPostgres()));

    [Fact]
    public Task Should_lose_and_duplicate_nothing_when_the_api_is_killed_mid_request() =>
        Check(new CrashScenario("kill -9 API, restart", on => Faults.KillAndRestart(on.Stack, "Conveyor.Api")));

    [Fact]
    public Task Should_lose_and_duplicate_nothing_when_every_message_is_delivered_twice() =>
        Check(new CrashScenario("every message delivered twice", _ => Task.CompletedTask,
            new Dictionary<string, string> { ["Messaging__DuplicateDeliveries"] = "true" }));

    async Task Check(CrashScenario scenario)
    {
        var outcome = await ScenarioRunner.Run(scenario);
        ScenarioChecks.NothingLost(outcome, ScenarioRunner.BatchSize, report, output);
    }
}
