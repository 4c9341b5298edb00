using Conveyor.Contracts.Executors;
using MassTransit;

namespace Conveyor.Scheduler.Executors;

/// <summary>Keeps the executor registry (profiles and heartbeats), apart from the job saga: executors are not jobs.</summary>
public sealed class ExecutorRegistryConsumer(ExecutorRegistry registry) :
    IConsumer<ExecutorRegistered>,
    IConsumer<ExecutorHeartbeat>,
    IConsumer<ExecutorStopped>
{
    public Task Consume(ConsumeContext<ExecutorRegistered> context) => registry.Register(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ExecutorHeartbeat> context) => registry.Beat(context.Message, context.CancellationToken);

    public Task Consume(ConsumeContext<ExecutorStopped> context) => registry.Stop(context.Message, context.CancellationToken);
}
