using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests;

/// <summary>A stack whose supervision runs on short clocks, so that lost executors, timeouts and retries show within seconds.</summary>
public sealed class LifecycleStackFixture : IAsyncLifetime
{
    public static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromSeconds(6);

    public ConveyorStack Stack { get; private set; } = null!;
    public BinaryServer Binaries { get; private set; } = null!;
    public JobApiClient Jobs { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Binaries = await BinaryServer.Start();
        Stack = await ConveyorStack.Start(new Dictionary<string, string>
        {
            ["Scheduler__HeartbeatTimeout"] = HeartbeatTimeout.ToString(),
            ["Scheduler__SweepInterval"] = "00:00:00.250",
            ["Scheduler__RetryBaseDelay"] = "00:00:00.200",
            ["Executor__HeartbeatInterval"] = "00:00:00.500",
        });
        Jobs = new JobApiClient(Stack.Api);
    }

    public async Task DisposeAsync()
    {
        await Stack.DisposeAsync();
        await Binaries.DisposeAsync();
    }
}
