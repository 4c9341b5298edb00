using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;

namespace Conveyor.Scheduler.Tests;

/// <summary>A stopped job ends cancelled however its attempt ends: killed, failed, silent or past the stop's deadline.</summary>
public sealed class StoppingTests
{
    static readonly JobEvent[] EndingEvents =
    [
        JobEvent.CurrentAttemptExitsZero,
        JobEvent.CurrentAttemptExitsNonZero,
        JobEvent.CurrentAttemptFails,
        JobEvent.CurrentAttemptFailsRetryably,
        JobEvent.CurrentAttemptHeartbeatLost,
        JobEvent.CurrentAttemptDeadlinePassed,
    ];

    public static TheoryData<JobEvent> Endings() => [.. EndingEvents];

    [Theory]
    [MemberData(nameof(Endings))]
    public async Task Should_cancel_with_the_stop_reason_and_announce_it_once_when_the_stopping_attempt_ends(JobEvent ending)
    {
        await using var scenario = await JobScenario.At(JobStage.Stopping);

        await scenario.Apply(ending);
        foreach (var late in EndingEvents)
            await scenario.Apply(late);

        var job = scenario.Job;
        Assert.Equal(scenario.Scheduler.Machine.Cancelled.Name, job.CurrentState);
        Assert.Equal(JobCommands.StopReason, job.Error);
        Assert.Null(job.DeadlineAt);
        var attempt = Assert.Single(job.Attempts);
        Assert.Equal((AttemptStatus.Cancelled, JobCommands.StopReason, job.CompletedAt), (attempt.Status, attempt.Error, attempt.EndedAt));
        var cancelled = Assert.Single(scenario.Scheduler.Published<JobCancelled>());
        Assert.Equal(new JobCancelled { JobId = scenario.JobId, Type = "thumbnail", Reason = JobCommands.StopReason, CancelledAt = job.CompletedAt!.Value }, cancelled with { Job = null });
        Assert.Empty(scenario.Scheduler.Published<JobCompleted>());
        Assert.Empty(scenario.Scheduler.Published<JobFailed>());
        Assert.Empty(scenario.Scheduler.Published<JobRetryScheduled>());
        Assert.Single(scenario.Scheduler.Published<StopAttempt>());
        Assert.Single(scenario.Scheduler.Sent<ExecuteJob>());
    }

    [Fact]
    public async Task Should_keep_the_exit_code_and_output_of_the_killed_process_when_a_stopping_attempt_reports_its_exit()
    {
        await using var scenario = await JobScenario.At(JobStage.Stopping);

        await scenario.Scheduler.Report(AttemptMessages.Completed(scenario.JobId, scenario.AttemptId, exitCode: 137));

        var job = scenario.Job;
        Assert.Equal((137, AttemptMessages.Stdout, AttemptMessages.Stderr), (job.ExitCode, job.Stdout, job.Stderr));
        Assert.Equal(137, Assert.Single(job.Attempts).ExitCode);
    }

    [Fact]
    public async Task Should_keep_the_output_without_an_exit_code_when_a_stopping_attempt_reports_a_failure()
    {
        await using var scenario = await JobScenario.At(JobStage.Stopping);

        await scenario.Scheduler.Report(AttemptMessages.Failed(scenario.JobId, scenario.AttemptId));

        var job = scenario.Job;
        Assert.Equal((null, AttemptMessages.Stdout, AttemptMessages.Stderr), (job.ExitCode, job.Stdout, job.Stderr));
        Assert.Null(Assert.Single(job.Attempts).ExitCode);
    }
}
