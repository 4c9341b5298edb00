using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;

namespace Conveyor.Scheduler.Tests;

/// <summary>
/// Every state × event pair of a submitted job: the state it leaves the job in, the answer it gets, and the invariants that
/// hold whatever happens (one attempt, dispatched once, started at most once, at most one terminal event).
/// </summary>
public sealed class StateEventMatrixTests
{
    public static TheoryData<JobStage, JobEvent, JobStage, Reply> Transitions => new()
    {
        { JobStage.Pending, JobEvent.SubmitAgain, JobStage.Pending, Reply.Accepted },
        { JobStage.Pending, JobEvent.StartCurrentAttempt, JobStage.Running, Reply.Granted },
        { JobStage.Pending, JobEvent.StartOtherAttempt, JobStage.Pending, Reply.Refused },
        { JobStage.Pending, JobEvent.CurrentAttemptExitsZero, JobStage.Pending, Reply.None },
        { JobStage.Pending, JobEvent.CurrentAttemptExitsNonZero, JobStage.Pending, Reply.None },
        { JobStage.Pending, JobEvent.CurrentAttemptFails, JobStage.Pending, Reply.None },
        { JobStage.Pending, JobEvent.StaleAttemptExitsZero, JobStage.Pending, Reply.None },
        { JobStage.Pending, JobEvent.StaleAttemptFails, JobStage.Pending, Reply.None },

        { JobStage.Running, JobEvent.SubmitAgain, JobStage.Running, Reply.Accepted },
        { JobStage.Running, JobEvent.StartCurrentAttempt, JobStage.Running, Reply.Refused },
        { JobStage.Running, JobEvent.StartOtherAttempt, JobStage.Running, Reply.Refused },
        { JobStage.Running, JobEvent.CurrentAttemptExitsZero, JobStage.Completed, Reply.None },
        { JobStage.Running, JobEvent.CurrentAttemptExitsNonZero, JobStage.Failed, Reply.None },
        { JobStage.Running, JobEvent.CurrentAttemptFails, JobStage.Failed, Reply.None },
        { JobStage.Running, JobEvent.StaleAttemptExitsZero, JobStage.Running, Reply.None },
        { JobStage.Running, JobEvent.StaleAttemptFails, JobStage.Running, Reply.None },

        { JobStage.Completed, JobEvent.SubmitAgain, JobStage.Completed, Reply.Accepted },
        { JobStage.Completed, JobEvent.StartCurrentAttempt, JobStage.Completed, Reply.Refused },
        { JobStage.Completed, JobEvent.StartOtherAttempt, JobStage.Completed, Reply.Refused },
        { JobStage.Completed, JobEvent.CurrentAttemptExitsZero, JobStage.Completed, Reply.None },
        { JobStage.Completed, JobEvent.CurrentAttemptExitsNonZero, JobStage.Completed, Reply.None },
        { JobStage.Completed, JobEvent.CurrentAttemptFails, JobStage.Completed, Reply.None },
        { JobStage.Completed, JobEvent.StaleAttemptExitsZero, JobStage.Completed, Reply.None },
        { JobStage.Completed, JobEvent.StaleAttemptFails, JobStage.Completed, Reply.None },

        { JobStage.Failed, JobEvent.SubmitAgain, JobStage.Failed, Reply.Accepted },
        { JobStage.Failed, JobEvent.StartCurrentAttempt, JobStage.Failed, Reply.Refused },
        { JobStage.Failed, JobEvent.StartOtherAttempt, JobStage.Failed, Reply.Refused },
        { JobStage.Failed, JobEvent.CurrentAttemptExitsZero, JobStage.Failed, Reply.None },
        { JobStage.Failed, JobEvent.CurrentAttemptExitsNonZero, JobStage.Failed, Reply.None },
        { JobStage.Failed, JobEvent.CurrentAttemptFails, JobStage.Failed, Reply.None },
        { JobStage.Failed, JobEvent.StaleAttemptExitsZero, JobStage.Failed, Reply.None },
        { JobStage.Failed, JobEvent.StaleAttemptFails, JobStage.Failed, Reply.None },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task Should_reach_the_expected_state_and_reply_when_an_event_arrives_in_a_state(
        JobStage from, JobEvent @event, JobStage expectedState, Reply expectedReply)
    {
        await using var scenario = await JobScenario.At(from);

        var reply = await scenario.Apply(@event);

        Assert.Equal(expectedReply, reply);
        Assert.Equal(expectedState.ToString(), scenario.State);
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task Should_keep_one_attempt_and_at_most_one_outcome_when_an_event_arrives_in_a_state(
        JobStage from, JobEvent @event, JobStage expectedState, Reply expectedReply)
    {
        await using var scenario = await JobScenario.At(from);

        await scenario.Apply(@event);

        var scheduler = scenario.Scheduler;
        var started = from != JobStage.Pending || expectedReply == Reply.Granted;
        Assert.Equal(1, scenario.Job.AttemptCount);
        Assert.Equal(scenario.AttemptId, Assert.Single(scenario.Job.Attempts).AttemptId);
        Assert.Single(scheduler.Sent<ExecuteJob>());
        Assert.Single(scheduler.Published<JobSubmitted>());
        Assert.Equal(started ? 1 : 0, scheduler.Published<AttemptStarted>().Count);
        Assert.Equal(expectedState == JobStage.Completed ? 1 : 0, scheduler.Published<JobCompleted>().Count);
        Assert.Equal(expectedState == JobStage.Failed ? 1 : 0, scheduler.Published<JobFailed>().Count);
    }
}
