using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests.Resilience;

/// <summary>A stack whose scheduler reaches RabbitMQ through a proxy that can freeze its connection, with a quick watchdog.</summary>
public sealed class FrozenBrokerLinkFixture : IAsyncLifetime
{
    public const string Name = "frozen-broker-link";
    static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(5);

    public FreezableTcpProxy Proxy { get; } = FreezableTcpProxy.Start(TestInfrastructure.RabbitHost, 5672);
    public ConveyorStack Stack { get; private set; } = null!;
    public BinaryServer Binaries { get; private set; } = null!;
    public JobApiClient Jobs { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Binaries = await BinaryServer.Start();
        Stack = await ConveyorStack.Start(new ConveyorStackOptions
        {
            Environment = new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["Conveyor.Scheduler"] = new Dictionary<string, string>
                {
                    ["RabbitMq__Port"] = Proxy.Port.ToString(),
                    ["Messaging__Watchdog__CheckInterval"] = "00:00:01",
                    ["Messaging__Watchdog__ProbeTimeout"] = "00:00:02",
                    ["Messaging__Watchdog__StuckAfter"] = StuckAfter.ToString("c"),
                },
            },
        });
        Jobs = new JobApiClient(Stack.Api);
    }

    public async Task DisposeAsync()
    {
        await Stack.DisposeAsync();
        await Binaries.DisposeAsync();
        await Proxy.DisposeAsync();
    }
}

[CollectionDefinition(FrozenBrokerLinkFixture.Name)]
public sealed class FrozenBrokerLinkCollection : ICollectionFixture<FrozenBrokerLinkFixture>;
