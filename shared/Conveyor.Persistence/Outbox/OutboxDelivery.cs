using System.Text.Json;
using Conveyor.Messaging.Recovery;
using MassTransit;

namespace Conveyor.Persistence.Outbox;

/// <summary>Turns one stored outbox row back into the publish, send or response it stands for.</summary>
internal static class OutboxDelivery
{
    /// <summary>Sends a row read back from the table.</summary>
    public static Task Deliver(IBus bus, OutboxMessage stored)
    {
        var type = Type.GetType(stored.MessageType, throwOnError: true)!;
        var message = JsonSerializer.Deserialize(stored.Body, type, SagaOutbox.Json)!;
        return Deliver(bus, stored, message, type);
    }

    /// <summary>Sends what a row stands for, given the message it was made from.</summary>
    public static async Task Deliver(IBus bus, OutboxMessage stored, object message, Type type)
    {
        using var delivery = OutboxTracing.StartDelivery(stored);
        delivery?.SetTag("messaging.message.id", stored.MessageId.ToString("D"));

        if (stored.Kind == OutboxMessageKind.Publish)
        {
            await PendingPublishes.Track(bus.Publish(message, type, Pipe.Execute<PublishContext>(publish => publish.MessageId = stored.MessageId)));
            return;
        }

        var endpoint = await bus.GetSendEndpoint(new Uri(stored.DestinationAddress!));
        await PendingPublishes.Track(endpoint.Send(message, type, Pipe.Execute<SendContext>(send =>
        {
            send.MessageId = stored.MessageId;
            if (stored.RequestId is { } requestId)
                send.RequestId = requestId;
            if (stored.Priority is { } priority)
                RabbitMqSendContextExtensions.TrySetPriority(send, priority);
        })));
    }
}
