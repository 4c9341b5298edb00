using Conveyor.Contracts.Jobs;

namespace Conveyor.Scheduler.Tests;

/// <summary>Once a job has finished, nothing that arrives later moves it, changes what was recorded, or announces it again.</summary>
public sealed class TerminalStateTests
{
    static readonly JobEvent[] Everything = Enum.GetValues<JobEvent>();

    [Theory]
    [InlineData(JobEvent.CurrentAttemptExitsZero, JobStage.Completed)]
    [InlineData(JobEvent.CurrentAttemptExitsNonZero, JobStage.Failed)]
    [InlineData(JobEvent.CurrentAttemptFails, JobStage.Failed)]
    public async Task Should_stay_finished_and_announce_the_outcome_once_when_every_event_arrives_after_the_end(JobEvent ending, JobStage finished)
    {
        await using var scenario = await JobScenario.At(JobStage.Running);
        await scenario.Apply(ending);
        var job = scenario.Job;
        var recorded = (job.ExitCode, job.Stdout, job.Stderr, job.Error, job.CompletedAt, job.Attempts[0].Status, job.Attempts[0].EndedAt);

        var replies = new List<Reply>();
        foreach (var @event in Everything.Concat(Everything))
            replies.Add(await scenario.Apply(@event));

        Assert.Equal(finished.ToString(), scenario.State);
        Assert.All(replies, reply => Assert.NotEqual(Reply.Granted, reply));
        Assert.Equal(recorded, (job.ExitCode, job.Stdout, job.Stderr, job.Error, job.CompletedAt, job.Attempts[0].Status, job.Attempts[0].EndedAt));
        Assert.Single(job.Attempts);
        var outcomes = scenario.Scheduler.Published<JobCompleted>().Count + scenario.Scheduler.Published<JobFailed>().Count;
        Assert.Equal(1, outcomes);
        Assert.Equal(finished == JobStage.Completed ? 1 : 0, scenario.Scheduler.Published<JobCompleted>().Count);
    }
}
