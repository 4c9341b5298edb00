using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;
using Conveyor.Scheduler.Supervision;

namespace Conveyor.Scheduler.Tests;

/// <summary>An attempt that outlives its job's timeout is stopped and the job fails, without a retry.</summary>
public sealed class DeadlineTests
{
    const int TimeoutSeconds = 30;
    const string TimedOut = "the job exceeded its timeout of 30 s and was stopped";
    static readonly JobDefinition WithTimeout = SubmitJobs.Definition() with { TimeoutSeconds = TimeoutSeconds };

    [Fact]
    public async Task Should_set_the_deadline_to_the_timeout_plus_the_heartbeat_grace_when_an_attempt_with_a_timeout_starts()
    {
        await using var scenario = await JobScenario.At(JobStage.Pending, WithTimeout);

        await scenario.Apply(JobEvent.StartCurrentAttempt);

        var job = scenario.Job;
        Assert.Equal(job.StartedAt!.Value.AddSeconds(TimeoutSeconds) + new SchedulerOptions().HeartbeatTimeout, job.DeadlineAt);
        Assert.Equal(job.StartedAt, job.LastHeartbeatAt);
    }

    [Fact]
    public async Task Should_set_no_deadline_when_an_attempt_without_a_timeout_starts()
    {
        await using var scenario = await JobScenario.At(JobStage.Pending);

        await scenario.Apply(JobEvent.StartCurrentAttempt);

        Assert.Null(scenario.Job.DeadlineAt);
    }

    [Fact]
    public async Task Should_fail_with_a_timeout_reason_and_stop_the_attempt_when_a_running_attempt_passes_its_deadline()
    {
        await using var scenario = await JobScenario.At(JobStage.Running, WithTimeout);

        await scenario.Apply(JobEvent.CurrentAttemptDeadlinePassed);

        var job = scenario.Job;
        Assert.Equal(scenario.Scheduler.Machine.Failed.Name, job.CurrentState);
        Assert.Equal((TimedOut, null), (job.Error, job.DeadlineAt));
        var attempt = Assert.Single(job.Attempts);
        Assert.Equal((AttemptStatus.TimedOut, TimedOut, job.CompletedAt), (attempt.Status, attempt.Error, attempt.EndedAt));
        Assert.Equal(new StopAttempt(scenario.JobId, scenario.AttemptId, TimedOut), Assert.Single(scenario.Scheduler.Published<StopAttempt>()));
        Assert.Equal(new JobFailed { JobId = scenario.JobId, Type = "thumbnail", ExitCode = null, Error = TimedOut, FailedAt = job.CompletedAt!.Value },
            Assert.Single(scenario.Scheduler.Published<JobFailed>()) with { Job = null });
        Assert.Empty(scenario.Scheduler.Published<JobRetryScheduled>());
    }

    [Fact]
    public async Task Should_change_nothing_when_the_deadline_of_another_attempt_passes()
    {
        await using var scenario = await JobScenario.At(JobStage.Waiting, WithTimeout);
        await scenario.Apply(JobEvent.RetryDueForCurrentAttempt);
        await scenario.Apply(JobEvent.StartCurrentAttempt);
        var before = JobSnapshot.Of(scenario.Job);

        await scenario.Scheduler.Report(new AttemptDeadlinePassed(scenario.JobId, scenario.AttemptId));

        Assert.Equal(before, JobSnapshot.Of(scenario.Job));
        Assert.Empty(scenario.Scheduler.Published<JobFailed>());
    }
}
