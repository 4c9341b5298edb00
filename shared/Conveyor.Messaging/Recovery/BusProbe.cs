namespace Conveyor.Messaging.Recovery;

/// <summary>
/// What the watchdog publishes to learn whether a publish still gets through. Nothing subscribes: the broker confirms it
/// and drops it.
/// </summary>
public sealed record BusProbe(string Service, DateTimeOffset SentAt);
