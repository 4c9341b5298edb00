namespace Conveyor.Messaging.Topology;

/// <summary>The broker could not be told what to route to a queue: it was unreachable or refused.</summary>
public sealed class RoutingUnavailableException(string destination, Exception inner)
    : Exception($"the broker could not change what is routed to {destination}: {inner.Message}", inner);
