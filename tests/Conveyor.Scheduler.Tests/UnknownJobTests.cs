using Conveyor.Scheduler.Supervision;
using Conveyor.Scheduler.Tests.Matrix;
using MassTransit;

namespace Conveyor.Scheduler.Tests;

/// <summary>Messages about a job the scheduler never recorded create nothing: a saga starts only with a submission.</summary>
public sealed class UnknownJobTests
{
    [Fact]
    public async Task Should_discard_without_creating_a_job_when_an_unknown_job_beats_or_is_swept()
    {
        await using var scheduler = await SchedulerHarness.Start();
        var jobId = NewId.NextGuid();
        var attemptId = NewId.NextGuid();

        await scheduler.Report(AttemptMessages.Heartbeat(jobId, attemptId));
        await scheduler.Report(new RetryDue(jobId, attemptId));
        await scheduler.Report(new AttemptHeartbeatLost(jobId, attemptId));
        await scheduler.Report(new AttemptDeadlinePassed(jobId, attemptId));

        Assert.False(scheduler.HasJob(jobId));
        Assert.Equal(MessageCounts.Expected(Emitted.None), MessageCounts.Of(scheduler));
    }
}
