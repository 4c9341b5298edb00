using Microsoft.Extensions.Options;

namespace Conveyor.Messaging.Recovery;

/// <summary>Whether the broker takes a new connection right now, over a connection of its own rather than the bus's.</summary>
internal sealed class BrokerReachability(IOptions<RabbitMqOptions> options)
{
    public async Task<bool> Check(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await RabbitMqConnections.Connect(options.Value, cancellationToken);
            return connection.IsOpen;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
