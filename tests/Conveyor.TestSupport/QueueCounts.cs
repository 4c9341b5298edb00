namespace Conveyor.TestSupport;

/// <summary>
/// A queue as the RabbitMQ management API reports it. The broker refreshes these figures periodically
/// (every 5 s by default), so a reader polls until they settle.
/// </summary>
public sealed record QueueCounts(long Ready, long Unacknowledged, int Consumers, IReadOnlyList<int> ConsumerPrefetchCounts);
