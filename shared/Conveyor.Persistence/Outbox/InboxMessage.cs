namespace Conveyor.Persistence.Outbox;

/// <summary>A message a consumer has processed; a redelivery of the same message id is skipped.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }
    public string Consumer { get; set; } = null!;
    public DateTimeOffset ProcessedAt { get; set; }
}
