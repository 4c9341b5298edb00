using Conveyor.Contracts.Jobs;

namespace Conveyor.Scheduler.Tests;

/// <summary>Once a job has finished, nothing that arrives later moves it, changes what was recorded, or announces it again.</summary>
public sealed class TerminalStateTests
{
    static readonly JobEvent[] Everything = Enum.GetValues<JobEvent>();

    [Theory]
    [InlineData(JobStage.Running, JobEvent.CurrentAttemptExitsZero, JobStage.Completed)]
    [InlineData(JobStage.Running, JobEvent.CurrentAttemptExitsNonZero, JobStage.Failed)]
    [InlineData(JobStage.Running, JobEvent.CurrentAttemptFails, JobStage.Failed)]
    [InlineData(JobStage.Running, JobEvent.CurrentAttemptDeadlinePassed, JobStage.Failed)]
    [InlineData(JobStage.Pending, JobEvent.Cancel, JobStage.Cancelled)]
    [InlineData(JobStage.Pending, JobEvent.Stop, JobStage.Cancelled)]
    [InlineData(JobStage.Waiting, JobEvent.Cancel, JobStage.Cancelled)]
    [InlineData(JobStage.Stopping, JobEvent.CurrentAttemptExitsZero, JobStage.Cancelled)]
    [InlineData(JobStage.Stopping, JobEvent.CurrentAttemptFails, JobStage.Cancelled)]
    [InlineData(JobStage.Stopping, JobEvent.CurrentAttemptHeartbeatLost, JobStage.Cancelled)]
    [InlineData(JobStage.Stopping, JobEvent.CurrentAttemptDeadlinePassed, JobStage.Cancelled)]
    public async Task Should_stay_finished_and_announce_the_outcome_once_when_every_event_arrives_after_the_end(JobStage from, JobEvent ending, JobStage finished)
    {
        await using var scenario = await JobScenario.At(from);
        await scenario.Apply(ending);
        var recorded = JobSnapshot.Of(scenario.Job);

        var replies = new List<Reply>();
        foreach (var @event in Everything.Concat(Everything))
            replies.Add(await scenario.Apply(@event));

        Assert.Equal(finished.ToString(), scenario.State);
        Assert.All(replies, reply => Assert.NotEqual(Reply.Granted, reply));
        Assert.All(replies, reply => Assert.NotEqual(Reply.CommandAccepted, reply));
        Assert.Equal(recorded, JobSnapshot.Of(scenario.Job));
        var published = (
            Completed: scenario.Scheduler.Published<JobCompleted>().Count,
            Failed: scenario.Scheduler.Published<JobFailed>().Count,
            Cancelled: scenario.Scheduler.Published<JobCancelled>().Count);
        Assert.Equal((finished == JobStage.Completed ? 1 : 0, finished == JobStage.Failed ? 1 : 0, finished == JobStage.Cancelled ? 1 : 0), published);
    }
}
