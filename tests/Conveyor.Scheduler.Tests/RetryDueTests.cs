using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Messaging.Topology;
using Conveyor.Persistence.Jobs;
using Conveyor.Scheduler.Supervision;
using MassTransit;

namespace Conveyor.Scheduler.Tests;

/// <summary>When its backoff has passed, a waiting retry is queued again as work for its own attempt, and only that attempt may run.</summary>
public sealed class RetryDueTests
{
    [Fact]
    public async Task Should_queue_the_job_and_send_work_for_the_new_attempt_when_the_retry_of_the_current_attempt_is_due()
    {
        await using var scenario = await JobScenario.At(JobStage.Waiting, JobPriority.Foreground);
        var retryId = scenario.CurrentAttemptId;

        await scenario.Scheduler.Report(new RetryDue(scenario.JobId, retryId));

        var job = scenario.Job;
        Assert.Equal(scenario.Scheduler.Machine.Pending.Name, job.CurrentState);
        Assert.Null(job.NextAttemptAt);
        Assert.Equal(AttemptStatus.Queued, job.Attempts[1].Status);
        var sent = scenario.Scheduler.Sent<ExecuteJob>();
        Assert.Equal(2, sent.Count);
        var retry = sent[1].Context;
        Assert.Equal((scenario.JobId, retryId, 2), (retry.Message.JobId, retry.Message.AttemptId, retry.Message.AttemptNumber));
        Assert.Equivalent(sent[0].Context.Message.Definition, retry.Message.Definition, strict: true);
        Assert.Equal($"/{ExecutionQueues.QueueName(ExecutionQueues.DefaultPool)}", retry.DestinationAddress?.AbsolutePath);
        Assert.True(retry.TryGetPayload<RabbitMqSendContext>(out var rabbitMq), "the send carried no RabbitMQ context");
        Assert.Equal(ExecutionQueues.PriorityOf(JobPriority.Foreground), rabbitMq.BasicProperties.Priority);
    }

    [Fact]
    public async Task Should_change_nothing_when_a_retry_is_due_for_the_attempt_that_failed()
    {
        await using var scenario = await JobScenario.At(JobStage.Waiting);
        var before = JobSnapshot.Of(scenario.Job);

        await scenario.Scheduler.Report(new RetryDue(scenario.JobId, scenario.AttemptId));

        Assert.Equal(before, JobSnapshot.Of(scenario.Job));
        Assert.Single(scenario.Scheduler.Sent<ExecuteJob>());
    }

    [Fact]
    public async Task Should_grant_only_the_new_attempt_when_executors_start_a_retried_job()
    {
        await using var scenario = await JobScenario.At(JobStage.Waiting);
        await scenario.Apply(JobEvent.RetryDueForCurrentAttempt);
        var firstStart = scenario.Job.StartedAt;

        var old = await scenario.Scheduler.Start(AttemptMessages.Start(scenario.JobId, scenario.AttemptId, "executor-8"));
        var retry = await scenario.Scheduler.Start(AttemptMessages.Start(scenario.JobId, scenario.CurrentAttemptId, "executor-9"));

        Assert.Equal(new AttemptRefused(scenario.JobId, scenario.AttemptId, "not the job's current attempt"), old);
        Assert.Equal(new AttemptGranted(scenario.JobId, scenario.CurrentAttemptId), retry);
        var job = scenario.Job;
        Assert.Equal(scenario.Scheduler.Machine.Running.Name, job.CurrentState);
        Assert.Equal((AttemptStatus.Running, "executor-9"), (job.Attempts[1].Status, job.Attempts[1].ExecutorId));
        Assert.Equal("executor-9", job.ExecutorId);
        Assert.Equal(firstStart, job.StartedAt);
        Assert.Equal([scenario.AttemptId, scenario.CurrentAttemptId], scenario.Scheduler.Published<AttemptStarted>().Select(started => started.AttemptId));
    }

    [Fact]
    public async Task Should_complete_from_the_new_attempt_and_ignore_late_reports_of_the_failed_one_when_a_retried_job_runs()
    {
        await using var scenario = await JobScenario.At(JobStage.Waiting);
        await scenario.Apply(JobEvent.RetryDueForCurrentAttempt);
        await scenario.Apply(JobEvent.StartCurrentAttempt);

        await scenario.Scheduler.Report(AttemptMessages.Completed(scenario.JobId, scenario.AttemptId, exitCode: 0));
        Assert.Equal(scenario.Scheduler.Machine.Running.Name, scenario.State);
        await scenario.Apply(JobEvent.CurrentAttemptExitsZero);

        var job = scenario.Job;
        Assert.Equal(scenario.Scheduler.Machine.Completed.Name, job.CurrentState);
        Assert.Equal((0, null), (job.ExitCode, job.Error));
        Assert.Equal([AttemptStatus.Failed, AttemptStatus.Completed], job.Attempts.Select(attempt => attempt.Status));
        Assert.Single(scenario.Scheduler.Published<JobCompleted>());
        Assert.Empty(scenario.Scheduler.Published<JobFailed>());
    }
}
