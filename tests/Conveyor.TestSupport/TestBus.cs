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
            var (firstHost, firstPort) = virtualHost.Broker.FirstNode;
            rabbit.Host(firstHost, (ushort)firstPort, virtualHost.Name, host =>
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
