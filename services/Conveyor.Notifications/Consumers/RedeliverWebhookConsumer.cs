using Conveyor.Contracts.Webhooks;
using Conveyor.Notifications.Webhooks;
using MassTransit;

namespace Conveyor.Notifications.Consumers;

/// <summary>The API's request to send a delivery again; notifications alone writes the delivery log.</summary>
public sealed class RedeliverWebhookConsumer(Redeliveries redeliveries) : IConsumer<RedeliverWebhook>
{
    public async Task Consume(ConsumeContext<RedeliverWebhook> context)
    {
        var request = context.Message;
        if (await redeliveries.Queue(request, context.CancellationToken) is { } refused)
            await context.RespondAsync(refused);
        else
            await context.RespondAsync(new WebhookRedeliveryQueued(request.SubscriptionId, request.NewDeliveryId));
    }
}
