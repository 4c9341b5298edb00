using MassTransit;

namespace Conveyor.Messaging.Faults;

/// <summary>
/// Fault injection for reliability testing (setting <c>Messaging:DuplicateDeliveries</c>, off by default): every message
/// is handed to its consumer twice, as a broker redelivery would, so that idempotence is exercised on every path.
/// </summary>
public sealed class DuplicateDeliveryFilter<T> : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        await next.Send(context);
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("duplicateDelivery");
}
