using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;

namespace Conveyor.Scheduler.Tests;

public sealed class FinishedJobCommandTests
{
    [Theory]
    [InlineData(JobStage.Completed, PublicStatus.Completed, JobEvent.Cancel)]
    [InlineData(JobStage.Failed, PublicStatus.Failed, JobEvent.Cancel)]
    [InlineData(JobStage.Cancelled, PublicStatus.Cancelled, JobEvent.Cancel)]
    [InlineData(JobStage.Completed, PublicStatus.Completed, JobEvent.Stop)]
    [InlineData(JobStage.Failed, PublicStatus.Failed, JobEvent.Stop)]
    [InlineData(JobStage.Cancelled, PublicStatus.Cancelled, JobEvent.Stop)]
    public async Task Should_reject_with_the_final_status_and_change_nothing_when_a_finished_job_is_cancelled_or_stopped(JobStage stage, string status, JobEvent command)
    {
        await using var scenario = await JobScenario.At(stage);
        var before = JobSnapshot.Of(scenario.Job);
        var outcomes = scenario.Scheduler.Published<JobCancelled>().Count;

        await scenario.Apply(command);

        Assert.Equal(new JobCommandRejected(scenario.JobId, status, "the job has finished"), scenario.Answer);
        Assert.Equal(before, JobSnapshot.Of(scenario.Job));
        Assert.Equal(outcomes, scenario.Scheduler.Published<JobCancelled>().Count);
        Assert.Empty(scenario.Scheduler.Published<StopAttempt>());
    }
}
