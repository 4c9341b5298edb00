using MassTransit;

namespace Conveyor.Api.Streams;

/// <summary>The live-event consumer, registered with its per-instance endpoint, and what routes status events to it.</summary>
public static class LiveEvents
{
    public static void Register(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<LiveEventRelay, LiveEventRelayDefinition>();
        bus.AddReceiveEndpointObserver<LiveEventQueueObserver>();
    }
}
