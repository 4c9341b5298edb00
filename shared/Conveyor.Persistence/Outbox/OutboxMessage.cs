namespace Conveyor.Persistence.Outbox;

/// <summary>A message a saga transition caused, stored in the transition's own transaction and sent after commit.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>Fixed when stored, so a message resent after a crash carries the same id and consumers can recognise it.</summary>
    public Guid MessageId { get; set; }
    public Guid? JobId { get; set; }
    public string Kind { get; set; } = OutboxMessageKind.Publish;
    public string? DestinationAddress { get; set; }
    public Guid? RequestId { get; set; }
    public byte? Priority { get; set; }
    public string MessageType { get; set; } = null!;
    public string Body { get; set; } = null!;
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The W3C traceparent of the transition that staged the message, when it was traced (see <see cref="OutboxTracing"/>).</summary>
    public string? TraceParent { get; set; }
}
