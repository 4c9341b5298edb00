using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests.Executors;

/// <summary>A stack without a default executor: the shutdown tests start, and stop, exactly the executors they reason about.</summary>
public sealed class ShutdownStackFixture : IAsyncLifetime
{
    public ConveyorStack Stack { get; private set; } = null!;
    public BinaryServer Binaries { get; private set; } = null!;
    public JobApiClient Jobs { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Binaries = await BinaryServer.Start();
        Stack = await ConveyorStack.Start(new ConveyorStackOptions { StartExecutor = false });
        Jobs = new JobApiClient(Stack.Api);
    }

    /// <summary>An executor of the cpu pool with the given grace period on SIGTERM.</summary>
    public Task<ServiceProcess> StartExecutor(string executorId, TimeSpan grace) => Stack.StartAnother("Conveyor.Executor", new Dictionary<string, string>
    {
        ["Executor__ExecutorId"] = executorId,
        ["Executor__ShutdownGracePeriod"] = grace.ToString("c"),
    });

    public async Task DisposeAsync()
    {
        await Stack.DisposeAsync();
        await Binaries.DisposeAsync();
    }
}
