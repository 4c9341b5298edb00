using MassTransit;

namespace Conveyor.Persistence.Outbox;

/// <summary>
/// How saga behaviours send: through the transactional outbox when the saga runs on the PostgreSQL repository,
/// directly otherwise (the in-memory repository of MassTransit's test harness has no transaction to join).
/// </summary>
public static class OutboxConsumeContextExtensions
{
    public static Task PublishAfterCommit<T>(this ConsumeContext context, T message, Guid jobId) where T : class
    {
        if (!context.TryGetPayload<SagaOutbox>(out var outbox))
            return context.Publish(message, context.CancellationToken);
        outbox.Publish(message, jobId);
        return Task.CompletedTask;
    }

    public static async Task SendAfterCommit<T>(this ConsumeContext context, Uri destination, T message, byte priority, Guid jobId) where T : class
    {
        if (context.TryGetPayload<SagaOutbox>(out var outbox))
        {
            outbox.Send(destination, message, priority, jobId);
            return;
        }
        var endpoint = await context.GetSendEndpoint(destination);
        await endpoint.Send(message, send => RabbitMqSendContextExtensions.TrySetPriority(send, priority), context.CancellationToken);
    }

    public static Task RespondAfterCommit<T>(this ConsumeContext context, T message, Guid jobId) where T : class
    {
        if (!context.TryGetPayload<SagaOutbox>(out var outbox))
            return context.RespondAsync(message);
        outbox.Respond(message, jobId);
        return Task.CompletedTask;
    }
}
