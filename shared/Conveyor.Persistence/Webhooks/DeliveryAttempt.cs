namespace Conveyor.Persistence.Webhooks;

/// <summary>One HTTP request of a delivery: what the receiver answered (or why there was no answer) and how long it took.</summary>
public sealed class DeliveryAttempt
{
    public int Number { get; set; }
    public DateTimeOffset At { get; set; }
    public int? StatusCode { get; set; }
    public long LatencyMs { get; set; }
    public string? Error { get; set; }
}
