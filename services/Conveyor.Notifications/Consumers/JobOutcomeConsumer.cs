using Conveyor.Contracts.Jobs;
using MassTransit;

namespace Conveyor.Notifications.Consumers;

/// <summary>Hears every terminal outcome. Today it records the outcome in the log; webhook delivery grows from here.</summary>
public sealed class JobOutcomeConsumer(ILogger<JobOutcomeConsumer> logger) : IConsumer<JobCompleted>, IConsumer<JobFailed>
{
    public Task Consume(ConsumeContext<JobCompleted> context)
    {
        logger.LogInformation("Job {JobType} completed with exit code {ExitCode}", context.Message.Type, context.Message.ExitCode);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<JobFailed> context)
    {
        logger.LogInformation("Job {JobType} failed: {Error}", context.Message.Type, context.Message.Error);
        return Task.CompletedTask;
    }
}
