using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;

namespace Conveyor.Scheduler.Tests;

/// <summary>A running attempt that fails for a reason worth retrying opens the next attempt and parks it for its backoff.</summary>
public sealed class RetryTests
{
    static readonly SchedulerOptions Defaults = new();

    [Fact]
    public async Task Should_wait_with_a_new_attempt_and_announce_the_retry_when_a_retryable_failure_leaves_attempts()
    {
        await using var scenario = await JobScenario.At(JobStage.Running);
        var before = DateTimeOffset.UtcNow;

        await scenario.Apply(JobEvent.CurrentAttemptFailsRetryably);

        var after = DateTimeOffset.UtcNow;
        var job = scenario.Job;
        Assert.Equal(scenario.Scheduler.Machine.Waiting.Name, job.CurrentState);
        Assert.Equal(2, job.AttemptCount);
        var (failed, retry) = (job.Attempts[0], job.Attempts[1]);
        Assert.Equal((scenario.AttemptId, AttemptStatus.Failed, AttemptMessages.Error), (failed.AttemptId, failed.Status, failed.Error));
        Assert.Equal((2, AttemptStatus.Queued, job.CurrentAttemptId), (retry.Number, retry.Status, retry.AttemptId));
        Assert.NotEqual(scenario.AttemptId, retry.AttemptId);
        Assert.InRange(job.NextAttemptAt!.Value, before + Defaults.RetryBaseDelay, after + Defaults.RetryBaseDelay);
        Assert.Equal((null, null, null), (job.CompletedAt, job.DeadlineAt, job.LastHeartbeatAt));
        var scheduled = Assert.Single(scenario.Scheduler.Published<JobRetryScheduled>());
        Assert.Equal(new JobRetryScheduled
        {
            JobId = scenario.JobId, Type = "thumbnail", NextAttemptNumber = 2, Reason = AttemptMessages.Error, RetryAt = job.NextAttemptAt.Value,
        }, scheduled with { Job = null });
        Assert.Equal(2, scheduled.Job!.Attempts);
        Assert.Single(scenario.Scheduler.Sent<ExecuteJob>());
        Assert.Empty(scenario.Scheduler.Published<JobFailed>());
    }

    [Fact]
    public async Task Should_fail_without_a_retry_when_a_retryable_failure_leaves_no_attempts()
    {
        await using var scenario = await JobScenario.At(JobStage.Running, SubmitJobs.Definition() with { MaxAttempts = 1 });

        await scenario.Apply(JobEvent.CurrentAttemptFailsRetryably);

        var job = scenario.Job;
        Assert.Equal(scenario.Scheduler.Machine.Failed.Name, job.CurrentState);
        Assert.Equal(AttemptStatus.Failed, Assert.Single(job.Attempts).Status);
        var failed = Assert.Single(scenario.Scheduler.Published<JobFailed>());
        Assert.Equal((null, AttemptMessages.Error), (failed.ExitCode, failed.Error));
        Assert.Empty(scenario.Scheduler.Published<JobRetryScheduled>());
    }

    [Fact]
    public async Task Should_fail_after_the_last_allowed_attempt_with_doubling_backoff_when_every_attempt_fails_retryably()
    {
        await using var scenario = await JobScenario.At(JobStage.Waiting);
        await scenario.Apply(JobEvent.RetryDueForCurrentAttempt);
        await scenario.Apply(JobEvent.StartCurrentAttempt);
        var before = DateTimeOffset.UtcNow;

        await scenario.Apply(JobEvent.CurrentAttemptFailsRetryably);

        var after = DateTimeOffset.UtcNow;
        var doubled = Defaults.RetryBaseDelay * 2;
        Assert.InRange(scenario.Job.NextAttemptAt!.Value, before + doubled, after + doubled);
        await scenario.Apply(JobEvent.RetryDueForCurrentAttempt);
        await scenario.Apply(JobEvent.StartCurrentAttempt);
        await scenario.Apply(JobEvent.CurrentAttemptFailsRetryably);
        var job = scenario.Job;
        Assert.Equal(scenario.Scheduler.Machine.Failed.Name, job.CurrentState);
        Assert.Equal(Defaults.DefaultMaxAttempts, job.AttemptCount);
        Assert.All(job.Attempts, attempt => Assert.Equal(AttemptStatus.Failed, attempt.Status));
        Assert.Equal([2, 3], scenario.Scheduler.Published<JobRetryScheduled>().Select(retry => retry.NextAttemptNumber));
        Assert.Equal(job.Attempts.Select(attempt => attempt.AttemptId), scenario.Scheduler.Sent<ExecuteJob>().Select(sent => sent.Context.Message.AttemptId));
        Assert.Single(scenario.Scheduler.Published<JobFailed>());
    }

    [Fact]
    public async Task Should_wait_for_a_retry_when_an_attempt_exits_non_zero_and_the_job_retries_on_failure()
    {
        await using var scenario = await JobScenario.At(JobStage.Running, SubmitJobs.Definition() with { RetryOnFailure = true });

        await scenario.Apply(JobEvent.CurrentAttemptExitsNonZero);

        var job = scenario.Job;
        Assert.Equal(scenario.Scheduler.Machine.Waiting.Name, job.CurrentState);
        Assert.Equal((AttemptStatus.Failed, 2), (job.Attempts[0].Status, job.Attempts[0].ExitCode));
        Assert.Equal(AttemptStatus.Queued, job.Attempts[1].Status);
        Assert.NotNull(job.NextAttemptAt);
        var scheduled = Assert.Single(scenario.Scheduler.Published<JobRetryScheduled>());
        Assert.Equal((2, "the binary exited with code 2"), (scheduled.NextAttemptNumber, scheduled.Reason));
        Assert.Empty(scenario.Scheduler.Published<JobFailed>());
    }

    [Fact]
    public async Task Should_fail_when_an_attempt_exits_non_zero_and_the_job_retries_on_failure_but_has_no_attempts_left()
    {
        await using var scenario = await JobScenario.At(JobStage.Running, SubmitJobs.Definition() with { RetryOnFailure = true, MaxAttempts = 1 });

        await scenario.Apply(JobEvent.CurrentAttemptExitsNonZero);

        Assert.Equal(scenario.Scheduler.Machine.Failed.Name, scenario.State);
        var failed = Assert.Single(scenario.Scheduler.Published<JobFailed>());
        Assert.Equal((2, "the binary exited with code 2"), (failed.ExitCode, failed.Error));
        Assert.Empty(scenario.Scheduler.Published<JobRetryScheduled>());
    }
}
