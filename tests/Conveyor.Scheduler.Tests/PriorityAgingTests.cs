using Conveyor.Contracts.Jobs;
using Conveyor.Messaging.Topology;
using Conveyor.Scheduler.Supervision;
using MassTransit;

namespace Conveyor.Scheduler.Tests;

/// <summary>Aging moves queued work up: the saga sends it again at the higher priority, once per step, and never down.</summary>
public sealed class PriorityAgingTests
{
    [Fact]
    public async Task Should_send_the_queued_work_again_at_the_higher_priority_when_a_pending_job_ages()
    {
        await using var scenario = await JobScenario.At(JobStage.Pending, JobPriority.BestEffort);

        await scenario.Scheduler.Report(new PriorityAged(scenario.JobId, scenario.CurrentAttemptId, JobPriority.Background));

        var sent = scenario.Scheduler.Sent<ExecuteJob>();
        Assert.Equal(2, sent.Count);
        var again = sent[1].Context;
        Assert.Equal((scenario.JobId, scenario.CurrentAttemptId), (again.Message.JobId, again.Message.AttemptId));
        Assert.True(again.TryGetPayload<RabbitMqSendContext>(out var rabbitMq), "the send carried no RabbitMQ context");
        Assert.Equal(ExecutionQueues.PriorityOf(JobPriority.Background), rabbitMq.BasicProperties.Priority);
        Assert.Equal(JobPriority.Background, scenario.Job.DispatchPriority);
        // The job keeps the priority it was submitted with; only its queued work moved.
        Assert.Equal(JobPriority.BestEffort, scenario.Job.Priority);
    }

    [Fact]
    public async Task Should_send_nothing_when_a_job_ages_to_a_priority_its_work_already_has()
    {
        await using var scenario = await JobScenario.At(JobStage.Pending, JobPriority.BestEffort);
        await scenario.Scheduler.Report(new PriorityAged(scenario.JobId, scenario.CurrentAttemptId, JobPriority.Foreground));

        await scenario.Scheduler.Report(new PriorityAged(scenario.JobId, scenario.CurrentAttemptId, JobPriority.Foreground));
        await scenario.Scheduler.Report(new PriorityAged(scenario.JobId, scenario.CurrentAttemptId, JobPriority.Background));

        Assert.Equal(2, scenario.Scheduler.Sent<ExecuteJob>().Count);
        Assert.Equal(JobPriority.Foreground, scenario.Job.DispatchPriority);
    }

    [Theory]
    [InlineData(JobPriority.BestEffort, 0.5, JobPriority.BestEffort)]
    [InlineData(JobPriority.BestEffort, 1.0, JobPriority.Background)]
    [InlineData(JobPriority.BestEffort, 2.5, JobPriority.Foreground)]
    [InlineData(JobPriority.BestEffort, 40.0, JobPriority.Foreground)]
    [InlineData(JobPriority.Background, 1.0, JobPriority.Foreground)]
    [InlineData(JobPriority.Foreground, 9.0, JobPriority.Foreground)]
    [InlineData(JobPriority.Background, -3.0, JobPriority.Background)]
    public void Should_move_one_priority_per_whole_period_waited_up_to_foreground(JobPriority own, double periodsWaited, JobPriority expected)
    {
        var period = TimeSpan.FromMinutes(2);
        var queuedAt = new DateTimeOffset(2026, 11, 22, 4, 0, 0, TimeSpan.Zero);

        Assert.Equal(expected, PriorityAging.Due(own, queuedAt, queuedAt + period * periodsWaited, period));
    }
}
