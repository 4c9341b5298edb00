using Conveyor.Contracts.Attempts;
using Conveyor.Persistence.Jobs;
using MassTransit;

namespace Conveyor.Scheduler.Tests;

public sealed class StartAttemptTests
{
    [Fact]
    public async Task Should_run_the_job_and_grant_the_attempt_when_a_pending_job_starts_its_current_attempt()
    {
        await using var scenario = await JobScenario.At(JobStage.Pending);

        var answer = await scenario.Scheduler.Start(AttemptMessages.Start(scenario.JobId, scenario.AttemptId));

        Assert.Equal(new AttemptGranted(scenario.JobId, scenario.AttemptId), answer);
        var job = scenario.Job;
        Assert.Equal(scenario.Scheduler.Machine.Running.Name, job.CurrentState);
        Assert.Equal(AttemptMessages.ExecutorId, job.ExecutorId);
        Assert.NotNull(job.StartedAt);
        var attempt = Assert.Single(job.Attempts);
        Assert.Equal(AttemptMessages.ExecutorId, attempt.ExecutorId);
        Assert.Equal(AttemptMessages.ExecutorAddress, attempt.ExecutorIp);
        Assert.Equal(AttemptStatus.Running, attempt.Status);
        Assert.Equal(job.StartedAt, attempt.StartedAt);
        Assert.Null(attempt.EndedAt);
    }

    [Fact]
    public async Task Should_publish_attempt_started_when_a_pending_job_starts_its_current_attempt()
    {
        await using var scenario = await JobScenario.At(JobStage.Pending);

        await scenario.Scheduler.Start(AttemptMessages.Start(scenario.JobId, scenario.AttemptId));

        var started = Assert.Single(scenario.Scheduler.Published<AttemptStarted>());
        Assert.Equal(new AttemptStarted(scenario.JobId, scenario.AttemptId, AttemptMessages.ExecutorId, scenario.Job.StartedAt!.Value), started with { Job = null });
        Assert.Equal(scenario.Job.StartedAt, started.Job!.StartedAt);
    }

    [Fact]
    public async Task Should_refuse_and_stay_pending_when_a_pending_job_starts_an_attempt_it_did_not_open()
    {
        await using var scenario = await JobScenario.At(JobStage.Pending);

        var answer = await scenario.Scheduler.Start(AttemptMessages.Start(scenario.JobId, scenario.StaleAttemptId));

        Assert.Equal(new AttemptRefused(scenario.JobId, scenario.StaleAttemptId, "not the job's current attempt"), answer);
        Assert.Equal(scenario.Scheduler.Machine.Pending.Name, scenario.State);
        var attempt = Assert.Single(scenario.Job.Attempts);
        Assert.Equal(AttemptStatus.Queued, attempt.Status);
        Assert.Null(attempt.ExecutorId);
        Assert.Null(scenario.Job.StartedAt);
        Assert.Empty(scenario.Scheduler.Published<AttemptStarted>());
    }

    [Theory]
    [InlineData(true, AttemptMessages.ExecutorId)]
    [InlineData(true, "executor-9")]
    [InlineData(false, "executor-9")]
    public async Task Should_refuse_and_keep_the_first_executor_when_a_running_job_starts_an_attempt(bool currentAttempt, string executorId)
    {
        await using var scenario = await JobScenario.At(JobStage.Running);
        var startedAt = scenario.Job.StartedAt;
        var attemptId = currentAttempt ? scenario.AttemptId : scenario.StaleAttemptId;

        var answer = await scenario.Scheduler.Start(AttemptMessages.Start(scenario.JobId, attemptId, executorId));

        Assert.Equal(new AttemptRefused(scenario.JobId, attemptId, "the job is already running"), answer);
        Assert.Equal(scenario.Scheduler.Machine.Running.Name, scenario.State);
        var attempt = Assert.Single(scenario.Job.Attempts);
        Assert.Equal(AttemptMessages.ExecutorId, attempt.ExecutorId);
        Assert.Equal(AttemptStatus.Running, attempt.Status);
        Assert.Equal(AttemptMessages.ExecutorId, scenario.Job.ExecutorId);
        Assert.Equal(startedAt, scenario.Job.StartedAt);
        Assert.Single(scenario.Scheduler.Published<AttemptStarted>());
    }

    [Theory]
    [InlineData(JobStage.Completed)]
    [InlineData(JobStage.Failed)]
    public async Task Should_refuse_when_a_finished_job_starts_its_attempt_again(JobStage stage)
    {
        await using var scenario = await JobScenario.At(stage);

        var answer = await scenario.Scheduler.Start(AttemptMessages.Start(scenario.JobId, scenario.AttemptId));

        Assert.Equal(new AttemptRefused(scenario.JobId, scenario.AttemptId, "the job has finished"), answer);
        Assert.Equal(stage.ToString(), scenario.State);
        Assert.Single(scenario.Scheduler.Published<AttemptStarted>());
    }

    [Fact]
    public async Task Should_refuse_without_creating_a_job_when_the_job_is_unknown()
    {
        await using var scheduler = await SchedulerHarness.Start();
        var jobId = NewId.NextGuid();
        var attemptId = NewId.NextGuid();

        var answer = await scheduler.Start(AttemptMessages.Start(jobId, attemptId));

        Assert.Equal(new AttemptRefused(jobId, attemptId, "unknown job"), answer);
        Assert.False(scheduler.HasJob(jobId));
        Assert.Empty(scheduler.Published<AttemptStarted>());
    }
}
