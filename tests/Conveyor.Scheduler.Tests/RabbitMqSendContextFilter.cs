using MassTransit;
using MassTransit.RabbitMqTransport;
using RabbitMQ.Client;

namespace Conveyor.Scheduler.Tests;

/// <summary>
/// Gives each in-memory send the RabbitMQ send context that only the RabbitMQ transport creates. The saga sets the message
/// priority with <c>SetPriority</c>, which throws without it; with it, the priority stays readable on the sent message's context.
/// </summary>
public sealed class RabbitMqSendContextFilter<T> : IFilter<SendContext<T>>
    where T : class
{
    public Task Send(SendContext<T> context, IPipe<SendContext<T>> next)
    {
        context.GetOrAddPayload<RabbitMqSendContext>(() =>
            new RabbitMqMessageSendContext<T>(new BasicProperties(), exchange: "", context.Message, context.CancellationToken));
        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("rabbitMqSendContext");
}
