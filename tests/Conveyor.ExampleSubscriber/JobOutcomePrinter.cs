using Conveyor.Contracts.Jobs;
using MassTransit;

namespace Conveyor.ExampleSubscriber;

/// <summary>Prints one line per finished job. A real subscriber would update its own records here, idempotently: delivery is at least once.</summary>
public sealed class JobOutcomePrinter : IConsumer<JobCompleted>, IConsumer<JobFailed>, IConsumer<JobCancelled>
{
    public Task Consume(ConsumeContext<JobCompleted> context)
    {
        Console.WriteLine($"job {context.Message.JobId} completed type={context.Message.Type} exit_code={context.Message.ExitCode}");
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<JobFailed> context)
    {
        Console.WriteLine($"job {context.Message.JobId} failed type={context.Message.Type} error={context.Message.Error}");
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<JobCancelled> context)
    {
        Console.WriteLine($"job {context.Message.JobId} cancelled type={context.Message.Type} reason={context.Message.Reason}");
        return Task.CompletedTask;
    }
}
