namespace Conveyor.Persistence.Webhooks;

public static class DeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";

    /// <summary>Every try failed, or the receiver refused it for good: nothing more happens unless someone redelivers it.</summary>
    public const string DeadLettered = "dead_lettered";

    public static IReadOnlyList<string> All { get; } = [Pending, Delivered, DeadLettered];
}
