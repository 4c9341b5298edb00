using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;
using Conveyor.Persistence.Sagas;
using Conveyor.Scheduler.StateMachines;
using MassTransit;

namespace Conveyor.Scheduler.Submissions;

/// <summary>
/// Takes a bulk submission as one set: every job goes through its own saga's submit transition, and all of them are
/// stored in one transaction. The answer comes straight after the commit, without an outbox row: were it lost in a
/// crash, the redelivered batch finds itself already recorded and is answered again.
/// </summary>
public sealed class SubmitJobBatchConsumer(SagaBatch<JobLifecycleState> batch, JobLifecycleStateMachine machine) : IConsumer<SubmitJobBatch>
{
    public async Task Consume(ConsumeContext<SubmitJobBatch> context)
    {
        var jobs = context.Message.Jobs;
        await batch.CreateAll(context, jobs, job => job.JobId, job => job.TraceParent, machine, machine.Submitted);
        await context.RespondAsync(new JobBatchAccepted([.. jobs.Select(job => job.JobId)]));
    }
}
