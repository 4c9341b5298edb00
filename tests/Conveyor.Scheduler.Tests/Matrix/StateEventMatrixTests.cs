using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;

namespace Conveyor.Scheduler.Tests.Matrix;

/// <summary>
/// Every state × event pair of a submitted job (<see cref="StateEventMatrix"/>): the state it leaves the job in, the answer
/// it gets, exactly the messages it emits, and the invariants that hold whatever happens (attempts numbered in order, work
/// only for the current attempt, at most one terminal event).
/// </summary>
public sealed class StateEventMatrixTests
{
    public static TheoryData<JobStage, JobEvent, JobStage, Reply> Answers()
    {
        var data = new TheoryData<JobStage, JobEvent, JobStage, Reply>();
        foreach (var row in StateEventMatrix.Rows)
            data.Add(row.From, row.Event, row.To, row.Reply);
        return data;
    }

    public static TheoryData<JobStage, JobEvent, JobStage, Emitted> Emissions()
    {
        var data = new TheoryData<JobStage, JobEvent, JobStage, Emitted>();
        foreach (var row in StateEventMatrix.Rows)
            data.Add(row.From, row.Event, row.To, row.Emitted);
        return data;
    }

    /// <summary>The rows that leave the job where it was without emitting anything: they must not change it either.</summary>
    public static TheoryData<JobStage, JobEvent> Standstills()
    {
        var data = new TheoryData<JobStage, JobEvent>();
        foreach (var row in StateEventMatrix.Rows.Where(row => row.From == row.To && row.Emitted == Emitted.None && !row.ChangesRecord))
            data.Add(row.From, row.Event);
        return data;
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task Should_reach_the_expected_state_and_answer_when_an_event_arrives_in_a_state(
        JobStage from, JobEvent @event, JobStage expectedState, Reply expectedReply)
    {
        await using var scenario = await JobScenario.At(from);

        var reply = await scenario.Apply(@event);

        Assert.Equal(expectedReply, reply);
        Assert.Equal(expectedState.ToString(), scenario.State);
        // Commands are answered with the public status the job has once the command has been dealt with.
        if (scenario.Answer is JobCommandAccepted accepted)
            Assert.Equal(new JobCommandAccepted(scenario.JobId, PublicStatus.Of(expectedState.ToString())), accepted);
        if (scenario.Answer is JobCommandRejected rejected)
            Assert.Equal((scenario.JobId, PublicStatus.Of(expectedState.ToString())), (rejected.JobId, rejected.Status));
    }

    [Theory]
    [MemberData(nameof(Emissions))]
    public async Task Should_emit_exactly_the_expected_messages_and_at_most_one_outcome_when_an_event_arrives_in_a_state(
        JobStage from, JobEvent @event, JobStage expectedState, Emitted expected)
    {
        await using var scenario = await JobScenario.At(from);
        var scheduler = scenario.Scheduler;
        var before = MessageCounts.Of(scheduler);
        var attemptBefore = scenario.CurrentAttemptId;
        var attemptsBefore = scenario.Job.Attempts.Count;

        await scenario.Apply(@event);

        var after = MessageCounts.Of(scheduler);
        Assert.Equal(MessageCounts.Expected(expected), after - before);
        Assert.Equal(1, after.JobSubmitted);
        Assert.Equal(StateEventMatrix.IsFinished(expectedState) ? 1 : 0, after.Outcomes);
        var job = scenario.Job;
        var opensRetry = expectedState == JobStage.Waiting && from != JobStage.Waiting;
        Assert.Equal(attemptsBefore + (opensRetry ? 1 : 0), job.Attempts.Count);
        Assert.Equal(job.Attempts.Count, job.AttemptCount);
        Assert.Equal(Enumerable.Range(1, job.AttemptCount), job.Attempts.Select(attempt => attempt.Number));
        Assert.Equal(job.Attempts[^1].AttemptId, job.CurrentAttemptId);
        Assert.All(scheduler.Sent<ExecuteJob>().Skip(before.ExecuteJob), sent => Assert.Equal(job.CurrentAttemptId, sent.Context.Message.AttemptId));
        Assert.All(scheduler.Published<AttemptStarted>().Skip(before.AttemptStarted), started => Assert.Equal(job.CurrentAttemptId, started.AttemptId));
        Assert.All(scheduler.Published<StopAttempt>().Skip(before.StopAttempt), stop => Assert.Equal(attemptBefore, stop.AttemptId));
    }

    [Theory]
    [MemberData(nameof(Standstills))]
    public async Task Should_change_nothing_recorded_when_an_event_leaves_the_job_in_its_state_without_emitting(JobStage from, JobEvent @event)
    {
        await using var scenario = await JobScenario.At(from);
        var before = JobSnapshot.Of(scenario.Job);

        await scenario.Apply(@event);

        Assert.Equal(before, JobSnapshot.Of(scenario.Job));
    }
}
