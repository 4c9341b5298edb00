using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests.Scheduling;

/// <summary>
/// A stack with no executor of its own: each test starts exactly the executors (pool, slots) it needs and stops them
/// when it is done, so that which executor may take which message is known.
/// </summary>
public class PoolStackFixture : IAsyncLifetime
{
    readonly IReadOnlyDictionary<string, string> settings;

    public PoolStackFixture()
        : this(new Dictionary<string, string>())
    {
    }

    /// <param name="settings">Configuration every service gets, for fixtures that need the scheduler set otherwise.</param>
    protected PoolStackFixture(IReadOnlyDictionary<string, string> settings) => this.settings = settings;

    public ConveyorStack Stack { get; private set; } = null!;
    public BinaryServer Binaries { get; private set; } = null!;
    public JobApiClient Jobs { get; private set; } = null!;
    public Gates Gates { get; } = new();

    public async Task InitializeAsync()
    {
        Binaries = await BinaryServer.Start();
        Stack = await ConveyorStack.Start(new ConveyorStackOptions { StartExecutor = false, Settings = settings });
        Jobs = new JobApiClient(Stack.Api);
    }

    public async Task DisposeAsync()
    {
        await Stack.DisposeAsync();
        await Binaries.DisposeAsync();
        Gates.Dispose();
    }
}
