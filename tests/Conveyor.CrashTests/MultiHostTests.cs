using Xunit.Abstractions;

namespace Conveyor.CrashTests;

/// <summary>
/// The same guarantee with Conveyor spread over hosts (<see cref="MultiHost"/>): two schedulers compete for the saga
/// queue, clients spread over two APIs, three executor hosts. Each scenario runs 300 jobs and adds its row to the crash
/// table; besides nothing lost and nothing duplicated, every attempt the saga announced must be in its record.
/// </summary>
[Collection(CrashCollection.Name)]
public sealed class MultiHostTests(CrashReport report, ITestOutputHelper output)
{
    const int Jobs = 300;

    /// <summary>Longer than the scenarios' heartbeat timeout (10 s): the cut executor's attempts are declared lost meanwhile.</summary>
    static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Should_dispatch_every_job_once_when_two_schedulers_consume_the_same_saga_queue()
    {
        var outcome = await Check(new CrashScenario("hosts: 2 schedulers, 2 APIs, 3 executors, no fault", _ => Task.CompletedTask));

        Assert.Equal(0, outcome.Reruns);
        Assert.All(MultiHost.ExecutorIds, executor => Assert.Contains(outcome.Attempts, a => a.ExecutorId == executor));
    }

    [Fact]
    public async Task Should_retry_elsewhere_and_refuse_late_reports_when_an_executor_host_is_cut_off()
    {
        var outcome = await Check(new CrashScenario($"hosts: executor-1's link cut for {Outage.TotalSeconds:0} s",
            on => ((MultiHost)on).CutLink("executor-1", Outage)));

        // The cut executor's attempts were declared lost and their jobs ended on the other hosts; whatever it reported
        // once its link was back changed none of them.
        var lostThere = outcome.Attempts.Where(a => a.ExecutorId == "executor-1" && a.Status != "completed").Select(a => a.JobId).ToHashSet();
        Assert.NotEmpty(lostThere);
        Assert.All(lostThere, job => Assert.Single(outcome.Attempts, a => a.JobId == job && a.Status == "completed" && a.ExecutorId != "executor-1"));
    }

    [Fact]
    public async Task Should_carry_on_with_one_scheduler_when_the_other_scheduler_host_is_killed()
    {
        var outcome = await Check(new CrashScenario("hosts: kill -9 scheduler-1, not restarted",
            on =>
            {
                ((MultiHost)on).ProcessOn("scheduler-1").Kill();
                return Task.CompletedTask;
            }));

        Assert.Equal(0, outcome.Reruns);
    }

    async Task<ScenarioOutcome> Check(CrashScenario scenario)
    {
        var outcome = await ScenarioRunner.Run(scenario, MultiHost.Start, Jobs);
        ScenarioChecks.NothingLost(outcome, Jobs, report, output);
        ScenarioChecks.NoLostUpdate(outcome);
        return outcome;
    }
}
