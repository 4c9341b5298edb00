using RabbitMQ.Client;

namespace Conveyor.Messaging;

/// <summary>Plain RabbitMQ.Client connections to the configured broker, for the few things done beside the bus.</summary>
public static class RabbitMqConnections
{
    /// <summary>A connection to the first node of the broker (or cluster) that answers.</summary>
    public static Task<IConnection> Connect(RabbitMqOptions settings, CancellationToken cancellationToken) =>
        Factory(settings).CreateConnectionAsync(settings.Endpoints().Select(e => new AmqpTcpEndpoint(e.Host, e.Port)).ToList(), cancellationToken);

    public static ConnectionFactory Factory(RabbitMqOptions settings) => new()
    {
        HostName = settings.Host,
        Port = settings.Port,
        VirtualHost = settings.VirtualHost,
        UserName = settings.Username,
        Password = settings.Password,
        AutomaticRecoveryEnabled = false,
        RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
    };
}
