using Conveyor.TestSupport;

namespace Conveyor.CrashTests;

/// <summary>The four services on this machine's loopback, one of each, as the crash scenarios run them.</summary>
public sealed class SingleHost : ScenarioTopology
{
    readonly BinaryServer binaries;
    readonly ConveyorStack stack;

    SingleHost(BinaryServer binaries, ConveyorStack stack)
    {
        this.binaries = binaries;
        this.stack = stack;
    }

    public override ConveyorStack Stack => stack;
    public override IReadOnlyList<HttpClient> Apis => [stack.Api];

    public static Task<ScenarioTopology> Start(IReadOnlyDictionary<string, string> settings) => Start(settings, TestBroker.Single);

    /// <summary>The same, with the services on <paramref name="broker"/> (a cluster's nodes, say).</summary>
    public static async Task<ScenarioTopology> Start(IReadOnlyDictionary<string, string> settings, TestBroker broker)
    {
        var binaries = await BinaryServer.Start();
        try
        {
            return new SingleHost(binaries, await ConveyorStack.Start(new ConveyorStackOptions { Settings = settings, Broker = broker }));
        }
        catch
        {
            await binaries.DisposeAsync();
            throw;
        }
    }

    public override (string Url, string Sha256) AddScript(string name, string body) => binaries.AddScript(name, body);

    public override async ValueTask DisposeAsync()
    {
        await stack.DisposeAsync();
        await binaries.DisposeAsync();
    }
}
