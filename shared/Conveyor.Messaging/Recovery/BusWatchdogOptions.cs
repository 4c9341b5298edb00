namespace Conveyor.Messaging.Recovery;

/// <summary>When the bus counts as stuck. Section <c>Messaging:Watchdog</c>.</summary>
public sealed class BusWatchdogOptions
{
    public const string Section = "Messaging:Watchdog";

    /// <summary>How often the bus's health and a probe publish are checked.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long the bus may stay unhealthy, or its publishes unconfirmed, while the broker takes new connections, before
    /// the service ends to be started again. A broker restart heals on its own within seconds; this is well past that.
    /// </summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a probe publish may wait for the broker's confirm.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
