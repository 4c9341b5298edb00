using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests;

/// <summary>One running stack and one binary server shared by the tests of the end-to-end collection.</summary>
public sealed class StackFixture : IAsyncLifetime
{
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
                ["Conveyor.Api"] = Infernet.InfernetTestContainers.Settings(),
                // The test engine has no bridge network: a job's exposed port is served on the host's loopback.
                ["Conveyor.Executor"] = new Dictionary<string, string> { ["Executor__Docker__ServiceNetworkMode"] = "host" },
            },
        });
        Jobs = new JobApiClient(Stack.Api);
    }

    public async Task DisposeAsync()
    {
        await Stack.DisposeAsync();
        await Binaries.DisposeAsync();
    }
}
