using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;
using MassTransit;

namespace Conveyor.Scheduler.Tests;

public sealed class StopJobTests
{
    static readonly TimeSpan StopGrace = new SchedulerOptions().HeartbeatTimeout;

    [Fact]
    public async Task Should_ask_the_executor_to_kill_the_attempt_and_accept_as_running_when_a_running_job_is_stopped()
    {
        await using var scenario = await JobScenario.At(JobStage.Running);
        var before = DateTimeOffset.UtcNow;

        var answer = await scenario.Scheduler.Stop(JobCommands.Stop(scenario.JobId));

        var after = DateTimeOffset.UtcNow;
        Assert.Equal(new JobCommandAccepted(scenario.JobId, PublicStatus.Running), answer);
        var job = scenario.Job;
        Assert.Equal(scenario.Scheduler.Machine.Stopping.Name, job.CurrentState);
        Assert.Equal(JobCommands.StopReason, job.Error);
        Assert.InRange(job.DeadlineAt!.Value, before + StopGrace, after + StopGrace);
        Assert.Equal(AttemptStatus.Running, Assert.Single(job.Attempts).Status);
        Assert.Null(job.CompletedAt);
        Assert.Equal(new StopAttempt(scenario.JobId, scenario.AttemptId, JobCommands.StopReason), Assert.Single(scenario.Scheduler.Published<StopAttempt>()));
        Assert.Empty(scenario.Scheduler.Published<JobCancelled>());
    }

    [Theory]
    [InlineData(JobStage.Pending)]
    [InlineData(JobStage.Waiting)]
    public async Task Should_cancel_at_once_without_a_stop_attempt_when_a_job_that_is_not_running_is_stopped(JobStage stage)
    {
        await using var scenario = await JobScenario.At(stage);
        var attemptId = scenario.CurrentAttemptId;

        var answer = await scenario.Scheduler.Stop(JobCommands.Stop(scenario.JobId));

        Assert.Equal(new JobCommandAccepted(scenario.JobId, PublicStatus.Cancelled), answer);
        var job = scenario.Job;
        Assert.Equal(scenario.Scheduler.Machine.Cancelled.Name, job.CurrentState);
        Assert.Null(job.NextAttemptAt);
        Assert.Equal(AttemptStatus.Cancelled, job.Attempts.Single(attempt => attempt.AttemptId == attemptId).Status);
        var cancelled = Assert.Single(scenario.Scheduler.Published<JobCancelled>());
        Assert.Equal((JobCommands.StopReason, job.CompletedAt), (cancelled.Reason, cancelled.CancelledAt));
        Assert.Empty(scenario.Scheduler.Published<StopAttempt>());
    }

    [Fact]
    public async Task Should_accept_again_without_a_second_stop_attempt_when_a_stopping_job_is_stopped_again()
    {
        await using var scenario = await JobScenario.At(JobStage.Stopping);
        var before = JobSnapshot.Of(scenario.Job);

        var answer = await scenario.Scheduler.Stop(new StopJob(scenario.JobId, "stopped twice"));

        Assert.Equal(new JobCommandAccepted(scenario.JobId, PublicStatus.Running), answer);
        Assert.Equal(before, JobSnapshot.Of(scenario.Job));
        Assert.Single(scenario.Scheduler.Published<StopAttempt>());
    }

    [Fact]
    public async Task Should_answer_not_found_without_creating_a_job_when_an_unknown_job_is_stopped()
    {
        await using var scheduler = await SchedulerHarness.Start();
        var jobId = NewId.NextGuid();

        var answer = await scheduler.Stop(JobCommands.Stop(jobId));

        Assert.Equal(new JobNotFound(jobId), answer);
        Assert.False(scheduler.HasJob(jobId));
        Assert.Empty(scheduler.Published<StopAttempt>());
    }
}
