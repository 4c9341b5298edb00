using MassTransit;
using Microsoft.Extensions.Logging;

namespace Conveyor.Persistence.Outbox;

/// <summary>
/// Sends a committed transition's messages at once, from memory and in the order they were staged, then hands their rows
/// to <see cref="DeliveredOutboxRows"/> to be deleted in bulk. Reading each message back from the table, deserialising it
/// and deleting it in a transaction of its own cost the scheduler a commit and a fifth of its CPU per message; the rows
/// are still written with the transition, so a crash before or during this send loses nothing: the
/// <see cref="OutboxDispatcher"/> sends whatever is still stored once it is older than <see cref="OutboxDispatcher.RelayGrace"/>.
/// It runs inside the saga's consume, after the commit, so a job's next transition never overtakes its messages.
/// </summary>
public sealed class OutboxRelay(IBus bus, DeliveredOutboxRows delivered, ILogger<OutboxRelay> logger)
{
    // Bounded for the reason BoundedPublish gives; a send abandoned here may still go out, and is then sent twice.
    static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Sends the messages of many transitions: each transition's in order, different transitions side by side.</summary>
    public Task SendEach(IEnumerable<IReadOnlyList<StagedMessage>> transitions) => Task.WhenAll(transitions.Select(Send));

    public async Task Send(IReadOnlyList<StagedMessage> messages)
    {
        foreach (var staged in messages)
        {
            try
            {
                await OutboxDelivery.Deliver(bus, staged.Row, staged.Message, staged.Type).WaitAsync(SendTimeout);
            }
            catch (Exception ex)
            {
                // This message and the ones after it stay stored; the dispatcher sends them, in order, from the table.
                logger.LogWarning("Sending {MessageType} of job {JobId} failed, left to the outbox dispatcher: {Reason}",
                    staged.Type.Name, staged.Row.JobId, ex.Message);
                return;
            }
            delivered.Add(staged.Row.Id);
        }
    }
}
