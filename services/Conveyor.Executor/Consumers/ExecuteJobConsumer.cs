using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Executor.Attempts;
using Conveyor.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Consumers;

/// <summary>
/// Takes one attempt from the pool's priority queue, asks the saga for permission, runs it and reports.
/// Without the saga's grant nothing runs: a duplicate delivery or a stale attempt is dropped here.
/// </summary>
public sealed class ExecuteJobConsumer(
    IRequestClient<StartAttempt> startAttempt,
    AttemptRunner runner,
    IBus bus,
    IOptions<ExecutorOptions> options,
    ILogger<ExecuteJobConsumer> logger) : IConsumer<ExecuteJob>
{
    public async Task Consume(ConsumeContext<ExecuteJob> context)
    {
        var work = context.Message;
        var executor = options.Value;
        var answer = await startAttempt.GetResponse<AttemptGranted, AttemptRefused>(
            new StartAttempt(work.JobId, work.AttemptId, executor.ExecutorId, ExecutorAddress.Resolve(executor)), context.CancellationToken);
        if (answer.Is(out Response<AttemptRefused>? refused))
        {
            logger.LogInformation("Attempt {AttemptId} refused: {Reason}", work.AttemptId, refused.Message.Reason);
            return;
        }

        logger.LogInformation("Attempt {AttemptId} of {JobType} ({JobKind}) started", work.AttemptId, work.Definition.Type, work.Definition.Kind);
        // The attempt has a lifetime of its own (timeout, stop, shutdown), not the delivery's. Its report leaves even while the
        // endpoint is stopping, and is retried through a broker outage: the scheduler must hear how the attempt ended.
        var report = await runner.Run(work);
        await bus.PublishUntilConfirmed(report, TimeSpan.FromMinutes(10));
    }
}
