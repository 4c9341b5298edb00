namespace Conveyor.Api.Streams;

/// <summary>This API instance's own queue for live events, and the exchange of the same name in front of it.</summary>
public sealed class LiveEventQueue
{
    public const string Prefix = "api-live-events-";

    public string Name { get; } = Prefix + Guid.NewGuid().ToString("N")[..12];
}
