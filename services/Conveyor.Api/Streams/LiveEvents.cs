using MassTransit;

namespace Conveyor.Api.Streams;

/// <summary>The live-event consumer, registered with its per-instance endpoint.</summary>
public static class LiveEvents
{
    public static void Register(IBusRegistrationConfigurator bus) => bus.AddConsumer<LiveEventRelay, LiveEventRelayDefinition>();
}
