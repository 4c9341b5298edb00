using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Conveyor.Scheduler.StateMachines;

/// <summary>
/// The single owner of a job's life. Pending → Running → Completed | Failed. Every executor report names its attempt,
/// and only reports for the job's current attempt move it; everything else (duplicates, late or stale reports) changes nothing.
/// </summary>
public sealed class JobLifecycleStateMachine : MassTransitStateMachine<JobLifecycleState>
{
    public State Pending { get; private set; } = null!;
    public State Running { get; private set; } = null!;
    public State Completed { get; private set; } = null!;
    public State Failed { get; private set; } = null!;

    public Event<SubmitJob> Submitted { get; private set; } = null!;
    public Event<StartAttempt> AttemptStartRequested { get; private set; } = null!;
    public Event<AttemptCompleted> AttemptCompleted { get; private set; } = null!;
    public Event<AttemptFailed> AttemptFailed { get; private set; } = null!;

    public JobLifecycleStateMachine(IOptions<SchedulerOptions> options)
    {
        var settings = options.Value;

        InstanceState(job => job.CurrentState);

        Event(() => Submitted, e => e.CorrelateById(c => c.Message.JobId));
        Event(() => AttemptStartRequested, e =>
        {
            e.CorrelateById(c => c.Message.JobId);
            e.OnMissingInstance(m => m.ExecuteAsync(c => c.RespondAsync(new AttemptRefused(c.Message.JobId, c.Message.AttemptId, "unknown job"))));
        });
        Event(() => AttemptCompleted, e =>
        {
            e.CorrelateById(c => c.Message.JobId);
            e.OnMissingInstance(m => m.Discard());
        });
        Event(() => AttemptFailed, e =>
        {
            e.CorrelateById(c => c.Message.JobId);
            e.OnMissingInstance(m => m.Discard());
        });

        Initially(
            When(Submitted)
                .Then(c => JobLifecycleBehaviors.Record(c, settings))
                .TransitionTo(Pending)
                .ThenAsync(JobLifecycleBehaviors.Dispatch)
                .Publish(c => new JobSubmitted(c.Saga.CorrelationId, c.Saga.Type, c.Saga.Priority, c.Saga.CreatedAt))
                .ThenAsync(JobLifecycleBehaviors.Accept));

        During(Pending,
            When(Submitted).ThenAsync(JobLifecycleBehaviors.Accept),
            When(AttemptStartRequested, JobLifecycleBehaviors.IsCurrentAttempt)
                .Then(JobLifecycleBehaviors.StartAttempt)
                .TransitionTo(Running)
                .ThenAsync(JobLifecycleBehaviors.Grant),
            When(AttemptStartRequested, c => !JobLifecycleBehaviors.IsCurrentAttempt(c))
                .ThenAsync(c => JobLifecycleBehaviors.Refuse(c, "not the job's current attempt")),
            Ignore(AttemptCompleted),
            Ignore(AttemptFailed));

        During(Running,
            When(Submitted).ThenAsync(JobLifecycleBehaviors.Accept),
            When(AttemptStartRequested).ThenAsync(c => JobLifecycleBehaviors.Refuse(c, "the job is already running")),
            When(AttemptCompleted, c => JobLifecycleBehaviors.IsCurrentAttempt(c) && c.Message.ExitCode == 0)
                .Then(JobLifecycleBehaviors.RecordExit)
                .TransitionTo(Completed)
                .Publish(c => JobLifecycleBehaviors.ToJobCompleted(c.Saga)),
            When(AttemptCompleted, c => JobLifecycleBehaviors.IsCurrentAttempt(c) && c.Message.ExitCode != 0)
                .Then(JobLifecycleBehaviors.RecordExit)
                .TransitionTo(Failed)
                .Publish(c => JobLifecycleBehaviors.ToJobFailed(c.Saga)),
            When(AttemptFailed, JobLifecycleBehaviors.IsCurrentAttempt)
                .Then(JobLifecycleBehaviors.RecordFailure)
                .TransitionTo(Failed)
                .Publish(c => JobLifecycleBehaviors.ToJobFailed(c.Saga)));

        During(Completed, Failed,
            When(Submitted).ThenAsync(JobLifecycleBehaviors.Accept),
            When(AttemptStartRequested).ThenAsync(c => JobLifecycleBehaviors.Refuse(c, "the job has finished")),
            Ignore(AttemptCompleted),
            Ignore(AttemptFailed));
    }
}
