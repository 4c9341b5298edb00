using Conveyor.Contracts.Jobs;

namespace Conveyor.Scheduler.Tests;

/// <summary>What a retried job finally reports belongs to its last attempt, not to an earlier one that exited non-zero.</summary>
public sealed class RetriedOutcomeTests
{
    static readonly JobDefinition RetriedOnce = SubmitJobs.Definition() with { RetryOnFailure = true, MaxAttempts = 2, TimeoutSeconds = 30 };

    [Theory]
    [InlineData(JobEvent.CurrentAttemptFails)]
    [InlineData(JobEvent.CurrentAttemptHeartbeatLost)]
    [InlineData(JobEvent.CurrentAttemptDeadlinePassed)]
    public async Task Should_fail_without_an_exit_code_when_the_retry_of_a_non_zero_exit_ends_without_one(JobEvent ending)
    {
        await using var scenario = await RetryRunning();

        await scenario.Apply(ending);

        Assert.Equal(JobStage.Failed.ToString(), scenario.State);
        Assert.Null(Assert.Single(scenario.Scheduler.Published<JobFailed>()).ExitCode);
        Assert.Null(scenario.Job.ExitCode);
    }

    [Theory]
    [InlineData(JobEvent.CurrentAttemptFails)]
    [InlineData(JobEvent.CurrentAttemptHeartbeatLost)]
    [InlineData(JobEvent.CurrentAttemptDeadlinePassed)]
    public async Task Should_record_no_exit_code_on_the_stopped_attempt_when_a_stopped_retry_ends_without_one(JobEvent ending)
    {
        await using var scenario = await RetryRunning();
        await scenario.Apply(JobEvent.Stop);

        await scenario.Apply(ending);

        Assert.Equal(JobStage.Cancelled.ToString(), scenario.State);
        Assert.Null(scenario.Job.Attempts[1].ExitCode);
    }

    /// <summary>The first attempt exited with code 2; the second now runs.</summary>
    static async Task<JobScenario> RetryRunning()
    {
        var scenario = await JobScenario.At(JobStage.Running, RetriedOnce);
        await scenario.Apply(JobEvent.CurrentAttemptExitsNonZero);
        await scenario.Apply(JobEvent.RetryDueForCurrentAttempt);
        await scenario.Apply(JobEvent.StartCurrentAttempt);
        Assert.Equal(JobStage.Running.ToString(), scenario.State);
        return scenario;
    }
}
