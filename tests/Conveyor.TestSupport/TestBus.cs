using MassTransit;

namespace Conveyor.TestSupport;

/// <summary>
/// A MassTransit bus on a stack's virtual host, as an outside service (or a hand-made executor) would run one: it publishes
/// and requests what Conveyor's own services do, and receives on whatever endpoints the test configures.
/// </summary>
public static class TestBus
{
    public static async Task<IBusControl> Start(IsolatedVirtualHost virtualHost, Action<IRabbitMqBusFactoryConfigurator>? configure = null)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            var first = virtualHost.Broker.AmqpNodes[0].Split(':');
            rabbit.Host(first[0], ushort.Parse(first[1], System.Globalization.CultureInfo.InvariantCulture), virtualHost.Name, host =>
            {
                host.Username(TestInfrastructure.RabbitUser);
                host.Password(TestInfrastructure.RabbitPassword);
                if (virtualHost.Broker.IsCluster)
                    host.UseCluster(cluster =>
                    {
                        foreach (var node in virtualHost.Broker.AmqpNodes)
                            cluster.Node(node);
                    });
            });
            configure?.Invoke(rabbit);
        });
        await bus.StartAsync();
        return bus;
    }
}
