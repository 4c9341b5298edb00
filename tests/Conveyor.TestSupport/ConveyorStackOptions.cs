namespace Conveyor.TestSupport;

/// <summary>How <see cref="ConveyorStack.Start(ConveyorStackOptions)"/> starts the stack.</summary>
public sealed class ConveyorStackOptions
{
    /// <summary>
    /// Whether the stack starts its one default executor (pool <c>cpu</c>, the executor's default slots). Tests that
    /// need exact control over which executors serve which pool turn it off and start their own with
    /// <see cref="ConveyorStack.StartExecutor"/>.
    /// </summary>
    public bool StartExecutor { get; init; } = true;

    /// <summary>
    /// Whether the stack starts any service itself. Off, it makes only the virtual host and the database, and the test
    /// places every service, on simulated hosts say, with <see cref="ConveyorStack.StartOn"/>.
    /// </summary>
    public bool StartServices { get; init; } = true;

    /// <summary>
    /// The broker the stack runs on: the single one by default, or <see cref="TestBroker.Cluster"/>, whose nodes every
    /// service is given, with quorum queues on.
    /// </summary>
    public TestBroker Broker { get; init; } = TestBroker.Single;

    /// <summary>Configuration every service gets on top of the defaults, as environment variables (e.g. <c>Scheduler__HeartbeatTimeout</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Extra environment per service name (<c>Conveyor.Api</c>, <c>Conveyor.Scheduler</c>, <c>Conveyor.Executor</c>,
    /// <c>Conveyor.Notifications</c>), applied over the stack's own and <see cref="Settings"/>, e.g. <c>Executor__Slots</c>.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Environment { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();
}
