using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;
using Conveyor.Scheduler.Supervision;

namespace Conveyor.Scheduler.Tests;

/// <summary>A running attempt whose executor fell silent times out, is stopped in case it still runs, and is retried while attempts remain.</summary>
public sealed class HeartbeatLostTests
{
    const string Lost = $"executor {AttemptMessages.ExecutorId} stopped sending heartbeats";

    [Fact]
    public async Task Should_time_out_the_attempt_stop_it_and_wait_for_a_retry_when_the_executor_is_lost_with_attempts_left()
    {
        await using var scenario = await JobScenario.At(JobStage.Running);

        await scenario.Apply(JobEvent.CurrentAttemptHeartbeatLost);

        var job = scenario.Job;
        Assert.Equal(scenario.Scheduler.Machine.Waiting.Name, job.CurrentState);
        var lost = job.Attempts[0];
        Assert.Equal((AttemptStatus.TimedOut, Lost, null), (lost.Status, lost.Error, lost.ExitCode));
        Assert.NotNull(lost.EndedAt);
        Assert.Equal((2, AttemptStatus.Queued), (job.Attempts[1].Number, job.Attempts[1].Status));
        Assert.NotNull(job.NextAttemptAt);
        Assert.Equal(new StopAttempt(scenario.JobId, scenario.AttemptId, Lost), Assert.Single(scenario.Scheduler.Published<StopAttempt>()));
        var scheduled = Assert.Single(scenario.Scheduler.Published<JobRetryScheduled>());
        Assert.Equal((2, Lost, job.NextAttemptAt.Value), (scheduled.NextAttemptNumber, scheduled.Reason, scheduled.RetryAt));
        Assert.Empty(scenario.Scheduler.Published<JobFailed>());
    }

    [Fact]
    public async Task Should_time_out_the_attempt_stop_it_and_fail_when_the_executor_is_lost_on_the_last_attempt()
    {
        await using var scenario = await JobScenario.At(JobStage.Running, SubmitJobs.Definition() with { MaxAttempts = 1 });

        await scenario.Apply(JobEvent.CurrentAttemptHeartbeatLost);

        var job = scenario.Job;
        Assert.Equal(scenario.Scheduler.Machine.Failed.Name, job.CurrentState);
        Assert.Equal((AttemptStatus.TimedOut, Lost), (Assert.Single(job.Attempts).Status, job.Attempts[0].Error));
        Assert.Equal(new StopAttempt(scenario.JobId, scenario.AttemptId, Lost), Assert.Single(scenario.Scheduler.Published<StopAttempt>()));
        Assert.Equal(new JobFailed { JobId = scenario.JobId, Type = "thumbnail", ExitCode = null, Error = Lost, FailedAt = job.CompletedAt!.Value },
            Assert.Single(scenario.Scheduler.Published<JobFailed>()) with { Job = null });
        Assert.Empty(scenario.Scheduler.Published<JobRetryScheduled>());
    }

    [Fact]
    public async Task Should_change_nothing_when_the_heartbeat_of_another_attempt_is_lost()
    {
        await using var scenario = await JobScenario.At(JobStage.Waiting);
        await scenario.Apply(JobEvent.RetryDueForCurrentAttempt);
        await scenario.Apply(JobEvent.StartCurrentAttempt);
        var before = JobSnapshot.Of(scenario.Job);

        // The first attempt was lost long ago; a late sweep about it must not end the retry that now runs.
        await scenario.Scheduler.Report(new AttemptHeartbeatLost(scenario.JobId, scenario.AttemptId));

        Assert.Equal(before, JobSnapshot.Of(scenario.Job));
        Assert.Empty(scenario.Scheduler.Published<StopAttempt>());
    }
}
