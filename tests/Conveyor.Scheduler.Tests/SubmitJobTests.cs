using Conveyor.Contracts.Jobs;
using Conveyor.Messaging.Topology;
using Conveyor.Persistence.Jobs;
using MassTransit;

namespace Conveyor.Scheduler.Tests;

public sealed class SubmitJobTests
{
    [Fact]
    public async Task Should_record_the_job_as_pending_and_accept_it_when_a_new_job_is_submitted()
    {
        await using var scheduler = await SchedulerHarness.Start();
        var jobId = NewId.NextGuid();

        var accepted = await scheduler.Submit(SubmitJobs.For(jobId, JobPriority.Foreground));

        Assert.Equal(new JobAccepted(jobId, SubmitJobs.SubmittedAt), accepted);
        var job = scheduler.Job(jobId);
        var definition = SubmitJobs.Definition(JobPriority.Foreground);
        Assert.Equal(scheduler.Machine.Pending.Name, job.CurrentState);
        Assert.Equal(definition.Type, job.Type);
        Assert.Equal(definition.BinaryUrl, job.BinaryUrl);
        Assert.Equal(definition.BinarySha256, job.BinarySha256);
        Assert.Equal(definition.Arguments, job.Arguments);
        Assert.Equal(definition.EnvVariables, job.EnvVariables);
        Assert.Equal(JobPriority.Foreground, job.Priority);
        Assert.Equal(SubmitJobs.SubmittedAt, job.CreatedAt);
        Assert.Equal(TimeSpan.Zero, job.CreatedAt.Offset);
        Assert.Equal(1, job.AttemptCount);
        var attempt = Assert.Single(job.Attempts);
        Assert.Equal(job.CurrentAttemptId, attempt.AttemptId);
        Assert.Equal(1, attempt.Number);
        Assert.Equal(AttemptStatus.Queued, attempt.Status);
        Assert.Null(attempt.ExecutorId);
    }

    [Theory]
    [InlineData("alice")]
    [InlineData(null)]
    public async Task Should_record_who_submitted_the_job_when_it_is_submitted(string? owner)
    {
        await using var scheduler = await SchedulerHarness.Start();
        var jobId = NewId.NextGuid();

        await scheduler.Submit(SubmitJobs.For(jobId) with { Owner = owner });

        Assert.Equal(owner, scheduler.Job(jobId).Owner);
    }

    [Fact]
    public async Task Should_publish_job_submitted_when_a_new_job_is_submitted()
    {
        await using var scheduler = await SchedulerHarness.Start();
        var jobId = NewId.NextGuid();

        await scheduler.Submit(SubmitJobs.For(jobId, JobPriority.BestEffort));

        var submitted = Assert.Single(scheduler.Published<JobSubmitted>());
        Assert.Equal(new JobSubmitted(jobId, "thumbnail", JobPriority.BestEffort, SubmitJobs.SubmittedAt), submitted with { Job = null });
        Assert.Equal((JobPriority.BestEffort, SubmitJobs.SubmittedAt, 1), (submitted.Job!.Priority, submitted.Job.CreatedAt, submitted.Job.Attempts));
    }

    [Fact]
    public async Task Should_send_execute_job_for_the_current_attempt_to_the_cpu_pool_when_a_new_job_is_submitted()
    {
        await using var scheduler = await SchedulerHarness.Start();
        var jobId = NewId.NextGuid();

        await scheduler.Submit(SubmitJobs.For(jobId));

        var sent = Assert.Single(scheduler.Sent<ExecuteJob>());
        var message = sent.Context.Message;
        var definition = SubmitJobs.Definition();
        Assert.Equal(jobId, message.JobId);
        Assert.Equal(scheduler.Job(jobId).CurrentAttemptId, message.AttemptId);
        Assert.Equal(1, message.AttemptNumber);
        Assert.Equal(definition.Type, message.Definition.Type);
        Assert.Equal(definition.BinaryUrl, message.Definition.BinaryUrl);
        Assert.Equal(definition.BinarySha256, message.Definition.BinarySha256);
        Assert.Equal(definition.Arguments, message.Definition.Arguments);
        Assert.Equal(definition.EnvVariables, message.Definition.EnvVariables);
        Assert.Equal(definition.Priority, message.Definition.Priority);
        // The in-memory transport resolves the saga's exchange:execute-job-cpu to loopback://localhost/execute-job-cpu.
        Assert.Equal($"/{ExecutionQueues.QueueName(ExecutionQueues.DefaultPool)}", sent.Context.DestinationAddress?.AbsolutePath);
    }

    [Theory]
    [InlineData(JobPriority.Foreground, 3)]
    [InlineData(JobPriority.Background, 2)]
    [InlineData(JobPriority.BestEffort, 1)]
    public async Task Should_send_execute_job_with_the_tier_priority_when_a_job_is_submitted(JobPriority priority, byte expected)
    {
        await using var scheduler = await SchedulerHarness.Start();

        await scheduler.Submit(SubmitJobs.For(NewId.NextGuid(), priority));

        var sent = Assert.Single(scheduler.Sent<ExecuteJob>());
        Assert.True(sent.Context.TryGetPayload<RabbitMqSendContext>(out var rabbitMq), "the send carried no RabbitMQ context");
        Assert.Equal(expected, rabbitMq.BasicProperties.Priority);
    }

    [Fact]
    public async Task Should_accept_again_without_a_second_attempt_when_a_pending_job_is_submitted_again()
    {
        await using var scheduler = await SchedulerHarness.Start();
        var jobId = NewId.NextGuid();
        var first = await scheduler.Submit(SubmitJobs.For(jobId, JobPriority.Background));
        var attemptId = scheduler.Job(jobId).CurrentAttemptId;

        var second = await scheduler.Submit(SubmitJobs.For(jobId, JobPriority.Foreground));

        Assert.Equal(first, second);
        var job = scheduler.Job(jobId);
        Assert.Equal(scheduler.Machine.Pending.Name, job.CurrentState);
        Assert.Equal(1, job.AttemptCount);
        Assert.Single(job.Attempts);
        Assert.Equal(attemptId, job.CurrentAttemptId);
        Assert.Equal(JobPriority.Background, job.Priority);
        Assert.Single(scheduler.Sent<ExecuteJob>());
        Assert.Single(scheduler.Published<JobSubmitted>());
    }
}
