using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Persistence.Outbox;

/// <summary>
/// The messages one saga transition causes, added to the transition's own transaction. They are sent by the
/// <see cref="OutboxDispatcher"/> only after the transaction commits, and are never lost once it has.
/// </summary>
public sealed class SagaOutbox(DbContext db, ConsumeContext consumeContext)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool HasMessages { get; private set; }

    public void Publish<T>(T message, Guid? jobId) where T : class =>
        Add(OutboxMessageKind.Publish, message, jobId, destination: null, requestId: null, priority: null);

    public void Send<T>(Uri destination, T message, byte? priority, Guid? jobId) where T : class =>
        Add(OutboxMessageKind.Send, message, jobId, destination, requestId: null, priority);

    /// <summary>Answers the request being consumed; a message that was not a request has nobody to answer.</summary>
    public void Respond<T>(T message, Guid? jobId) where T : class
    {
        if (consumeContext.ResponseAddress is { } address)
            Add(OutboxMessageKind.Respond, message, jobId, address, consumeContext.RequestId, priority: null);
    }

    void Add<T>(string kind, T message, Guid? jobId, Uri? destination, Guid? requestId, byte? priority) where T : class
    {
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            MessageId = NewId.NextGuid(),
            Kind = kind,
            JobId = jobId,
            DestinationAddress = destination?.ToString(),
            RequestId = requestId,
            Priority = priority,
            MessageType = typeof(T).AssemblyQualifiedName!,
            Body = JsonSerializer.Serialize(message, Json),
            CreatedAt = DateTimeOffset.UtcNow,
            TraceParent = OutboxTracing.CurrentTraceParent(),
        });
        HasMessages = true;
    }
}
