using RabbitMQ.Client;

namespace Conveyor.Messaging;

/// <summary>Plain RabbitMQ.Client connections to the configured broker, for the few things done beside the bus.</summary>
internal static class RabbitMqConnections
{
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
