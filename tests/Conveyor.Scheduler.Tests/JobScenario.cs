using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;
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

    /// <summary>An attempt id the saga never opened for this job.</summary>
    public Guid StaleAttemptId { get; } = NewId.NextGuid();

    public JobLifecycleState Job => Scheduler.Job(JobId);

    public string State => Job.CurrentState;

    public static async Task<JobScenario> At(JobStage stage, JobPriority priority = JobPriority.Background)
    {
        var scheduler = await SchedulerHarness.Start();
        var jobId = NewId.NextGuid();
        await scheduler.Submit(SubmitJobs.For(jobId, priority));
        var scenario = new JobScenario(scheduler, jobId, scheduler.Job(jobId).CurrentAttemptId!.Value);
        if (stage == JobStage.Pending)
            return scenario;

        Assert.IsType<AttemptGranted>(await scheduler.Start(AttemptMessages.Start(jobId, scenario.AttemptId)));
        switch (stage)
        {
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
        switch (@event)
        {
            case JobEvent.SubmitAgain:
                await Scheduler.Submit(SubmitJobs.For(JobId));
                return Reply.Accepted;
            case JobEvent.StartCurrentAttempt:
                return ToReply(await Scheduler.Start(AttemptMessages.Start(JobId, AttemptId)));
            case JobEvent.StartOtherAttempt:
                return ToReply(await Scheduler.Start(AttemptMessages.Start(JobId, StaleAttemptId)));
            case JobEvent.CurrentAttemptExitsZero:
                await Scheduler.Report(AttemptMessages.Completed(JobId, AttemptId, exitCode: 0));
                return Reply.None;
            case JobEvent.CurrentAttemptExitsNonZero:
                await Scheduler.Report(AttemptMessages.Completed(JobId, AttemptId, exitCode: 2));
                return Reply.None;
            case JobEvent.CurrentAttemptFails:
                await Scheduler.Report(AttemptMessages.Failed(JobId, AttemptId));
                return Reply.None;
            case JobEvent.StaleAttemptExitsZero:
                await Scheduler.Report(AttemptMessages.Completed(JobId, StaleAttemptId, exitCode: 0));
                return Reply.None;
            case JobEvent.StaleAttemptFails:
                await Scheduler.Report(AttemptMessages.Failed(JobId, StaleAttemptId));
                return Reply.None;
            default:
                throw new ArgumentOutOfRangeException(nameof(@event), @event, null);
        }
    }

    static Reply ToReply(object response) => response switch
    {
        AttemptGranted => Reply.Granted,
        AttemptRefused => Reply.Refused,
        _ => throw new InvalidOperationException($"unexpected answer {response}"),
    };

    public ValueTask DisposeAsync() => Scheduler.DisposeAsync();
}
