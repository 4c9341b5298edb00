using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;
using MassTransit;

namespace Conveyor.Scheduler.Tests;

public sealed class AttemptReportTests
{
    [Fact]
    public async Task Should_complete_and_store_the_output_when_the_current_attempt_exits_zero()
    {
        await using var scenario = await JobScenario.At(JobStage.Running);

        await scenario.Apply(JobEvent.CurrentAttemptExitsZero);

        var job = scenario.Job;
        Assert.Equal(scenario.Scheduler.Machine.Completed.Name, job.CurrentState);
        Assert.Equal(0, job.ExitCode);
        Assert.Equal(AttemptMessages.Stdout, job.Stdout);
        Assert.Equal(AttemptMessages.Stderr, job.Stderr);
        Assert.Null(job.Error);
        Assert.Equal(AttemptMessages.EndedAt, job.CompletedAt);
        var attempt = Assert.Single(job.Attempts);
        Assert.Equal(AttemptStatus.Completed, attempt.Status);
        Assert.Equal(0, attempt.ExitCode);
        Assert.Equal(AttemptMessages.EndedAt, attempt.EndedAt);
        Assert.Equal(TimeSpan.Zero, attempt.EndedAt!.Value.Offset);
    }

    [Fact]
    public async Task Should_publish_job_completed_and_no_failure_when_the_current_attempt_exits_zero()
    {
        await using var scenario = await JobScenario.At(JobStage.Running);

        await scenario.Apply(JobEvent.CurrentAttemptExitsZero);

        var completed = Assert.Single(scenario.Scheduler.Published<JobCompleted>());
        Assert.Equal(new JobCompleted { JobId = scenario.JobId, Type = "thumbnail", ExitCode = 0, CompletedAt = AttemptMessages.EndedAt },
            completed with { Job = null });
        // The facts subscribers filter by come with the event: nobody needs to read the jobs table for them.
        var facts = completed.Job!;
        Assert.Equal(("thumbnail", scenario.Job.Priority, scenario.Job.Owner, 1), (facts.Type, facts.Priority, facts.Owner, facts.Attempts));
        Assert.Equal((scenario.Job.CreatedAt, scenario.Job.StartedAt, AttemptMessages.EndedAt), (facts.CreatedAt, facts.StartedAt, facts.CompletedAt));
        Assert.Empty(scenario.Scheduler.Published<JobFailed>());
    }

    [Fact]
    public async Task Should_fail_and_publish_the_exit_code_when_the_current_attempt_exits_non_zero()
    {
        await using var scenario = await JobScenario.At(JobStage.Running);

        await scenario.Apply(JobEvent.CurrentAttemptExitsNonZero);

        var job = scenario.Job;
        Assert.Equal(scenario.Scheduler.Machine.Failed.Name, job.CurrentState);
        Assert.Equal(2, job.ExitCode);
        Assert.Equal(AttemptMessages.Stdout, job.Stdout);
        Assert.Equal(AttemptMessages.Stderr, job.Stderr);
        Assert.Equal("the binary exited with code 2", job.Error);
        var attempt = Assert.Single(job.Attempts);
        Assert.Equal(AttemptStatus.Failed, attempt.Status);
        Assert.Equal(2, attempt.ExitCode);
        var failed = Assert.Single(scenario.Scheduler.Published<JobFailed>());
        Assert.Equal(new JobFailed
        {
            JobId = scenario.JobId, Type = "thumbnail", ExitCode = 2, Error = "the binary exited with code 2", FailedAt = AttemptMessages.EndedAt,
        }, failed with { Job = null });
        Assert.Empty(scenario.Scheduler.Published<JobCompleted>());
    }

    [Fact]
    public async Task Should_fail_with_the_error_and_no_exit_code_when_the_current_attempt_fails()
    {
        await using var scenario = await JobScenario.At(JobStage.Running);

        await scenario.Apply(JobEvent.CurrentAttemptFails);

        var job = scenario.Job;
        Assert.Equal(scenario.Scheduler.Machine.Failed.Name, job.CurrentState);
        Assert.Null(job.ExitCode);
        Assert.Equal(AttemptMessages.Error, job.Error);
        Assert.Equal(AttemptMessages.Stdout, job.Stdout);
        Assert.Equal(AttemptMessages.Stderr, job.Stderr);
        Assert.Equal(AttemptMessages.EndedAt, job.CompletedAt);
        var attempt = Assert.Single(job.Attempts);
        Assert.Equal(AttemptStatus.Failed, attempt.Status);
        Assert.Equal(AttemptMessages.Error, attempt.Error);
        Assert.Null(attempt.ExitCode);
        var failed = Assert.Single(scenario.Scheduler.Published<JobFailed>());
        Assert.Equal(new JobFailed
        {
            JobId = scenario.JobId, Type = "thumbnail", ExitCode = null, Error = AttemptMessages.Error, FailedAt = AttemptMessages.EndedAt,
        }, failed with { Job = null });
        Assert.Empty(scenario.Scheduler.Published<JobCompleted>());
    }

    [Theory]
    [InlineData(JobStage.Running, JobEvent.StaleAttemptExitsZero)]
    [InlineData(JobStage.Running, JobEvent.StaleAttemptFails)]
    [InlineData(JobStage.Pending, JobEvent.CurrentAttemptExitsZero)]
    [InlineData(JobStage.Pending, JobEvent.CurrentAttemptExitsNonZero)]
    [InlineData(JobStage.Pending, JobEvent.CurrentAttemptFails)]
    [InlineData(JobStage.Pending, JobEvent.StaleAttemptExitsZero)]
    [InlineData(JobStage.Pending, JobEvent.StaleAttemptFails)]
    public async Task Should_store_and_publish_nothing_when_an_unfinished_job_gets_a_report_it_must_ignore(JobStage stage, JobEvent report)
    {
        await using var scenario = await JobScenario.At(stage);
        var status = Assert.Single(scenario.Job.Attempts).Status;

        await scenario.Apply(report);

        var job = scenario.Job;
        Assert.Equal(stage.ToString(), job.CurrentState);
        Assert.Null(job.ExitCode);
        Assert.Null(job.Stdout);
        Assert.Null(job.Stderr);
        Assert.Null(job.Error);
        Assert.Null(job.CompletedAt);
        var attempt = Assert.Single(job.Attempts);
        Assert.Equal(status, attempt.Status);
        Assert.Null(attempt.EndedAt);
        Assert.Empty(scenario.Scheduler.Published<JobCompleted>());
        Assert.Empty(scenario.Scheduler.Published<JobFailed>());
    }

    [Fact]
    public async Task Should_discard_without_creating_a_job_when_an_unknown_job_reports()
    {
        await using var scheduler = await SchedulerHarness.Start();
        var jobId = NewId.NextGuid();

        await scheduler.Report(AttemptMessages.Completed(jobId, NewId.NextGuid()));
        await scheduler.Report(AttemptMessages.Failed(jobId, NewId.NextGuid()));

        Assert.False(scheduler.HasJob(jobId));
        Assert.Empty(scheduler.Published<JobCompleted>());
        Assert.Empty(scheduler.Published<JobFailed>());
    }
}
