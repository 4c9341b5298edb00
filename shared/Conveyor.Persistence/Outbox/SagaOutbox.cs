using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Persistence.Outbox;

/// <summary>
/// The messages one saga transition causes, added to the transition's own transaction. Once it commits, the
/// <see cref="OutboxRelay"/> sends them straight from memory; the stored rows are the guarantee, sent by the
/// <see cref="OutboxDispatcher"/> only if that did not happen (a crash, a broker outage). Never lost once committed.
/// </summary>
/// <param name="db">The transition's context, which the rows join; null when the caller stores <see cref="Staged"/> itself.</param>
/// <param name="answers">False for one item of a batch message: the batch is answered once, as a whole.</param>
public sealed class SagaOutbox(DbContext? db, ConsumeContext consumeContext, bool answers = true)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly List<StagedMessage> staged = [];

    public bool HasMessages => staged.Count > 0;

    /// <summary>What this transition staged, in order; the rows' ids are set once the transaction has saved them.</summary>
    public IReadOnlyList<StagedMessage> Staged => staged;

    public void Publish<T>(T message, Guid? jobId) where T : class =>
        Add(OutboxMessageKind.Publish, message, jobId, destination: null, requestId: null, priority: null);

    public void Send<T>(Uri destination, T message, byte? priority, Guid? jobId) where T : class =>
        Add(OutboxMessageKind.Send, message, jobId, destination, requestId: null, priority);

    /// <summary>Answers the request being consumed; a message that was not a request has nobody to answer.</summary>
    public void Respond<T>(T message, Guid? jobId) where T : class
    {
        if (answers && consumeContext.ResponseAddress is { } address)
            Add(OutboxMessageKind.Respond, message, jobId, address, consumeContext.RequestId, priority: null);
    }

    void Add<T>(string kind, T message, Guid? jobId, Uri? destination, Guid? requestId, byte? priority) where T : class
    {
        var row = new OutboxMessage
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
        };
        db?.Set<OutboxMessage>().Add(row);
        staged.Add(new StagedMessage(row, message, typeof(T)));
    }
}
