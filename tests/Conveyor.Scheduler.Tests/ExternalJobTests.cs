using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;
using MassTransit;

namespace Conveyor.Scheduler.Tests;

/// <summary>Jobs run outside Conveyor and only recorded here (Infernet's PUT /api/status), through the same saga.</summary>
public sealed class ExternalJobTests
{
    static readonly DateTimeOffset At = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    static RecordExternalJob Record(Guid jobId, ExternalJobStatus status) =>
        new(jobId, "infernet", status, ["echo", "echo2"], At) { Owner = "ip:127.0.0.1" };

    [Fact]
    public async Task Should_record_a_running_external_job_and_end_it_with_a_later_record_once()
    {
        await using var scheduler = await SchedulerHarness.Start();
        var jobId = NewId.NextGuid();

        var first = await scheduler.Record(Record(jobId, ExternalJobStatus.Running));
        var running = scheduler.Job(jobId);
        Assert.Equal(new JobCommandAccepted(jobId, PublicStatus.Running), first);
        Assert.Equal((JobStates.Running, "external", "ip:127.0.0.1"), (running.CurrentState, running.Pool, running.Owner));
        Assert.Equal(["echo", "echo2"], running.PipelineSteps.Select(s => s.Name));
        Assert.Single(scheduler.Published<JobSubmitted>());
        Assert.Empty(scheduler.Sent<ExecuteJob>());

        var ended = await scheduler.Record(Record(jobId, ExternalJobStatus.Succeeded));
        var again = await scheduler.Record(Record(jobId, ExternalJobStatus.Failed));

        Assert.Equal(new JobCommandAccepted(jobId, PublicStatus.Completed), ended);
        Assert.Equal(new JobCommandAccepted(jobId, PublicStatus.Completed), again);
        Assert.Equal(JobStates.Completed, scheduler.Job(jobId).CurrentState);
        Assert.Single(scheduler.Published<JobCompleted>());
        Assert.Empty(scheduler.Published<JobFailed>());
    }

    [Fact]
    public async Task Should_record_an_external_job_that_already_failed_as_failed()
    {
        await using var scheduler = await SchedulerHarness.Start();
        var jobId = NewId.NextGuid();

        var answer = await scheduler.Record(Record(jobId, ExternalJobStatus.Failed));

        Assert.Equal(new JobCommandAccepted(jobId, PublicStatus.Failed), answer);
        Assert.Equal(AttemptStatus.Failed, Assert.Single(scheduler.Job(jobId).Attempts).Status);
        Assert.Single(scheduler.Published<JobFailed>());
    }

    [Fact]
    public async Task Should_refuse_a_record_for_a_job_conveyor_runs_and_change_nothing()
    {
        await using var scenario = await JobScenario.At(JobStage.Running);
        var before = JobSnapshot.Of(scenario.Job);

        var answer = await scenario.Scheduler.Record(Record(scenario.JobId, ExternalJobStatus.Succeeded));

        Assert.IsType<JobCommandRejected>(answer);
        Assert.Equal(before, JobSnapshot.Of(scenario.Job));
        Assert.Empty(scenario.Scheduler.Published<JobCompleted>());
    }
}
