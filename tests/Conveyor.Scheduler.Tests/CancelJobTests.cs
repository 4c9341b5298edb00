using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;
using Conveyor.Scheduler.Supervision;
using MassTransit;

namespace Conveyor.Scheduler.Tests;

public sealed class CancelJobTests
{
    [Fact]
    public async Task Should_cancel_announce_and_accept_when_a_pending_job_is_cancelled()
    {
        await using var scenario = await JobScenario.At(JobStage.Pending);

        var answer = await scenario.Scheduler.Cancel(JobCommands.Cancel(scenario.JobId));

        Assert.Equal(new JobCommandAccepted(scenario.JobId, PublicStatus.Cancelled), answer);
        var job = scenario.Job;
        Assert.Equal(scenario.Scheduler.Machine.Cancelled.Name, job.CurrentState);
        Assert.Equal(JobCommands.CancelReason, job.Error);
        Assert.NotNull(job.CompletedAt);
        var attempt = Assert.Single(job.Attempts);
        Assert.Equal((AttemptStatus.Cancelled, JobCommands.CancelReason, job.CompletedAt), (attempt.Status, attempt.Error, attempt.EndedAt));
        var cancelled = Assert.Single(scenario.Scheduler.Published<JobCancelled>());
        Assert.Equal(new JobCancelled { JobId = scenario.JobId, Type = "thumbnail", Reason = JobCommands.CancelReason, CancelledAt = job.CompletedAt.Value }, cancelled with { Job = null });
        Assert.Empty(scenario.Scheduler.Published<StopAttempt>());
    }

    [Fact]
    public async Task Should_cancel_the_retry_and_never_dispatch_it_when_a_waiting_job_is_cancelled()
    {
        await using var scenario = await JobScenario.At(JobStage.Waiting);
        var retryId = scenario.CurrentAttemptId;

        var answer = await scenario.Scheduler.Cancel(JobCommands.Cancel(scenario.JobId));
        // The sweeper may have found the retry due just before the cancel: its RetryDue must not revive the job.
        await scenario.Scheduler.Report(new RetryDue(scenario.JobId, retryId));

        Assert.Equal(new JobCommandAccepted(scenario.JobId, PublicStatus.Cancelled), answer);
        var job = scenario.Job;
        Assert.Equal(scenario.Scheduler.Machine.Cancelled.Name, job.CurrentState);
        Assert.Null(job.NextAttemptAt);
        Assert.Equal([AttemptStatus.Failed, AttemptStatus.Cancelled], job.Attempts.Select(attempt => attempt.Status));
        Assert.Equal(retryId, job.Attempts[1].AttemptId);
        Assert.Equal(JobCommands.CancelReason, Assert.Single(scenario.Scheduler.Published<JobCancelled>()).Reason);
        Assert.Single(scenario.Scheduler.Sent<ExecuteJob>());
    }

    [Theory]
    [InlineData(JobStage.Running, "only a pending job can be cancelled; stop a running job instead")]
    [InlineData(JobStage.Stopping, "only a pending job can be cancelled; the job is being stopped")]
    public async Task Should_reject_with_the_running_status_and_change_nothing_when_a_started_job_is_cancelled(JobStage stage, string reason)
    {
        await using var scenario = await JobScenario.At(stage);
        var before = JobSnapshot.Of(scenario.Job);
        var stops = scenario.Scheduler.Published<StopAttempt>().Count;

        var answer = await scenario.Scheduler.Cancel(JobCommands.Cancel(scenario.JobId));

        Assert.Equal(new JobCommandRejected(scenario.JobId, PublicStatus.Running, reason), answer);
        Assert.Equal(before, JobSnapshot.Of(scenario.Job));
        Assert.Equal(stops, scenario.Scheduler.Published<StopAttempt>().Count);
        Assert.Empty(scenario.Scheduler.Published<JobCancelled>());
    }

    [Fact]
    public async Task Should_answer_not_found_without_creating_a_job_when_an_unknown_job_is_cancelled()
    {
        await using var scheduler = await SchedulerHarness.Start();
        var jobId = NewId.NextGuid();

        var answer = await scheduler.Cancel(JobCommands.Cancel(jobId));

        Assert.Equal(new JobNotFound(jobId), answer);
        Assert.False(scheduler.HasJob(jobId));
        Assert.Empty(scheduler.Published<JobCancelled>());
    }
}
