namespace Conveyor.Messaging.Topology;

/// <summary>The exchange MassTransit publishes a message type to on RabbitMQ: <c>Namespace:Type</c>.</summary>
public static class MessageExchange
{
    public static string Of(Type messageType) => $"{messageType.Namespace}:{messageType.Name}";
}
