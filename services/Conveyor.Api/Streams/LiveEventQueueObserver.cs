using MassTransit;

namespace Conveyor.Api.Streams;

/// <summary>Tells <see cref="LiveEventRouting"/> when the live queue's endpoint is (re)connected to the broker.</summary>
public sealed class LiveEventQueueObserver(LiveEventRouting routing, LiveEventQueue queue) : IReceiveEndpointObserver
{
    public Task Ready(ReceiveEndpointReady ready) =>
        ready.InputAddress.AbsolutePath.EndsWith("/" + queue.Name, StringComparison.Ordinal) ? routing.Redeclared() : Task.CompletedTask;

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;
}
