using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;
using Conveyor.Scheduler.Supervision;
using MassTransit;

namespace Conveyor.Scheduler.Tests;

/// <summary>A job driven through the saga to a given state on its own harness, ready for one more event.</summary>
public sealed class JobScenario : IAsyncDisposable
{
    JobScenario(SchedulerHarness scheduler, Guid jobId, Guid attemptId)
    {
        Scheduler = scheduler;
        JobId = jobId;
        AttemptId = attemptId;
    }

    public SchedulerHarness Scheduler { get; }

    public Guid JobId { get; }

    /// <summary>The attempt the saga opened when the job was submitted, and dispatched to the executors.</summary>
    public Guid AttemptId { get; }

    /// <summary>The job's current attempt: the first one, or the retry a <see cref="JobStage.Waiting"/> job opened.</summary>
    public Guid CurrentAttemptId => Job.CurrentAttemptId!.Value;

    /// <summary>An attempt id the saga never opened for this job.</summary>
    public Guid StaleAttemptId { get; } = NewId.NextGuid();

    /// <summary>The saga's answer to the last request <see cref="Apply"/> sent; null after a report.</summary>
    public object? Answer { get; private set; }

    public JobLifecycleState Job => Scheduler.Job(JobId);

    public string State => Job.CurrentState;

    public static Task<JobScenario> At(JobStage stage, JobPriority priority = JobPriority.Background) =>
        At(stage, SubmitJobs.Definition(priority));

    /// <summary>
    /// Submits the job and drives it to the stage: Waiting through a retryable failure of the first attempt, Stopping
    /// through a stop while it runs, Failed through a non-zero exit, Cancelled through a cancel while pending.
    /// </summary>
    public static async Task<JobScenario> At(JobStage stage, JobDefinition definition)
    {
        var scheduler = await SchedulerHarness.Start();
        var jobId = NewId.NextGuid();
        await scheduler.Submit(SubmitJobs.For(jobId, definition));
        var scenario = new JobScenario(scheduler, jobId, scheduler.Job(jobId).CurrentAttemptId!.Value);
        if (stage == JobStage.Cancelled)
            Assert.IsType<JobCommandAccepted>(await scheduler.Cancel(JobCommands.Cancel(jobId)));
        else if (stage != JobStage.Pending)
            Assert.IsType<AttemptGranted>(await scheduler.Start(AttemptMessages.Start(jobId, scenario.AttemptId)));

        switch (stage)
        {
            case JobStage.Waiting:
                await scheduler.Report(AttemptMessages.Failed(jobId, scenario.AttemptId, retryable: true));
                break;
            case JobStage.Stopping:
                Assert.IsType<JobCommandAccepted>(await scheduler.Stop(JobCommands.Stop(jobId)));
                break;
            case JobStage.Completed:
                await scheduler.Report(AttemptMessages.Completed(jobId, scenario.AttemptId, exitCode: 0));
                break;
            case JobStage.Failed:
                await scheduler.Report(AttemptMessages.Completed(jobId, scenario.AttemptId, exitCode: 1));
                break;
        }

        Assert.Equal(stage.ToString(), scenario.State);
        return scenario;
    }

    /// <summary>Sends the event and returns the saga's answer, once the saga has finished with it.</summary>
    public async Task<Reply> Apply(JobEvent @event)
    {
        Answer = await Deliver(JobEventMessages.For(@event, JobId, CurrentAttemptId, StaleAttemptId));
        return ToReply(Answer);
    }

    /// <summary>Sends any message the saga consumes: requests return the answer, reports and supervision events null.</summary>
    public async Task<object?> Deliver(object message)
    {
        switch (message)
        {
            case SubmitJob submit: return await Scheduler.Submit(submit);
            case CancelJob cancel: return await Scheduler.Cancel(cancel);
            case StopJob stop: return await Scheduler.Stop(stop);
            case RecordExternalJob record: return await Scheduler.Record(record);
            case StartAttempt start: return await Scheduler.Start(start);
            case AttemptHeartbeat heartbeat: await Scheduler.Report(heartbeat); break;
            case AttemptServiceReady serving: await Scheduler.Report(serving); break;
            case AttemptCompleted completed: await Scheduler.Report(completed); break;
            case AttemptFailed failed: await Scheduler.Report(failed); break;
            case RetryDue due: await Scheduler.Report(due); break;
            case AttemptHeartbeatLost lost: await Scheduler.Report(lost); break;
            case AttemptDeadlinePassed passed: await Scheduler.Report(passed); break;
            case PriorityAged aged: await Scheduler.Report(aged); break;
            default: throw new ArgumentException($"the saga does not consume {message.GetType().Name}", nameof(message));
        }
        return null;
    }

    static Reply ToReply(object? answer) => answer switch
    {
        null => Reply.None,
        JobAccepted => Reply.Accepted,
        AttemptGranted => Reply.Granted,
        AttemptRefused => Reply.Refused,
        JobCommandAccepted => Reply.CommandAccepted,
        JobCommandRejected => Reply.CommandRejected,
        JobNotFound => Reply.NotFound,
        _ => throw new InvalidOperationException($"unexpected answer {answer}"),
    };

    public ValueTask DisposeAsync() => Scheduler.DisposeAsync();
}
