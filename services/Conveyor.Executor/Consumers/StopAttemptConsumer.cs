using Conveyor.Contracts.Attempts;
using Conveyor.Executor.Attempts;
using MassTransit;

namespace Conveyor.Executor.Consumers;

/// <summary>Kills an attempt the scheduler wants ended (stop, timeout, lost), if it runs on this executor.</summary>
public sealed class StopAttemptConsumer(RunningAttempts running, ILogger<StopAttemptConsumer> logger) : IConsumer<StopAttempt>
{
    public Task Consume(ConsumeContext<StopAttempt> context)
    {
        if (running.Stop(context.Message.AttemptId, context.Message.Reason))
            logger.LogInformation("Stopping attempt {AttemptId}: {Reason}", context.Message.AttemptId, context.Message.Reason);
        return Task.CompletedTask;
    }
}
