namespace Conveyor.ServiceDefaults.Telemetry;

/// <summary>The ActivitySources and Meters, besides the framework's, that every service exports.</summary>
public static class TelemetrySources
{
    /// <summary>MassTransit 8 names both its ActivitySource and its Meter this.</summary>
    public const string MassTransit = "MassTransit";

    /// <summary>Conveyor's own sources and meters are named <c>Conveyor.&lt;Area&gt;</c> (e.g. <c>Conveyor.Api</c>, <c>Conveyor.Outbox</c>).</summary>
    public const string Conveyor = "Conveyor.*";
}
