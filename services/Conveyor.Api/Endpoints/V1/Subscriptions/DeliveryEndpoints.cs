using Conveyor.Api.Http;
using Conveyor.Api.Queries;
using Conveyor.Api.Security;
using Conveyor.Api.Submissions;
using Conveyor.Api.Subscriptions;
using Conveyor.Contracts.Webhooks;
using Conveyor.Persistence.Webhooks;
using MassTransit;

namespace Conveyor.Api.Endpoints.V1.Subscriptions;

/// <summary>A subscription's delivery log (every try: when, status code, latency, error) and the redeliver action.</summary>
public static class DeliveryEndpoints
{
    public static RouteGroupBuilder MapDeliveryEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/subscriptions/{id}/deliveries", List);
        v1.MapPost("/subscriptions/{id}/deliveries/{deliveryId}/redeliver", Redeliver);
        return v1;
    }

    static async Task<IResult> List(string id, HttpRequest request, HttpContext context, SubscriptionQueries subscriptions, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var subscriptionId))
            return ApiError.BadRequest("subscription id must be a UUID", "id");
        if (!PageQuery.TryParse(request, out var limit, out var offset, out var error))
            return error;
        string? status = request.Query["status"];
        if (status is not null && !DeliveryStatus.All.Contains(status))
            return ApiError.BadRequest($"status must be one of {string.Join(", ", DeliveryStatus.All)}", "status");
        if (await SubscriptionEndpoints.Visible(subscriptions, subscriptionId, context.Caller(), cancellationToken) is null)
            return SubscriptionEndpoints.NotFound(subscriptionId);

        var deliveries = await subscriptions.Deliveries(subscriptionId, status, limit, offset, cancellationToken);
        return Results.Json(deliveries.Select(WebhookViews.Of), ApiJson.Options);
    }

    /// <summary>Sends a finished delivery (delivered or dead-lettered) again, as a new entry in the log; 202 with that entry.</summary>
    static async Task<IResult> Redeliver(string id, string deliveryId, HttpContext context, SubscriptionQueries subscriptions,
        IRequestClient<RedeliverWebhook> notifications,
        CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var subscriptionId))
            return ApiError.BadRequest("subscription id must be a UUID", "id");
        if (!Guid.TryParse(deliveryId, out var originalId))
            return ApiError.BadRequest("delivery id must be a UUID", "delivery_id");
        if (await SubscriptionEndpoints.Visible(subscriptions, subscriptionId, context.Caller(), cancellationToken) is null)
            return SubscriptionEndpoints.NotFound(subscriptionId);
        var original = await subscriptions.Delivery(subscriptionId, originalId, cancellationToken);
        if (original is null)
            return ApiError.Result(StatusCodes.Status404NotFound, "delivery not found",
                new Dictionary<string, object?> { ["subscription_id"] = subscriptionId, ["delivery_id"] = originalId });
        if (original.Status == DeliveryStatus.Pending)
            return ApiError.Result(StatusCodes.Status409Conflict, "the delivery is still being tried",
                new Dictionary<string, object?> { ["delivery_id"] = originalId, ["status"] = original.Status });

        // Notifications writes the delivery log; the copy's id is chosen here so that a retried request stores one copy.
        var answer = await notifications.GetResponse<WebhookRedeliveryQueued, WebhookRedeliveryRefused>(
            new RedeliverWebhook(subscriptionId, originalId, Guid.CreateVersion7()), cancellationToken, SchedulerRequests.AnswerTimeout);
        if (answer.Is(out Response<WebhookRedeliveryRefused>? refused))
            return ApiError.Result(refused.Message.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict,
                refused.Message.Reason,
                new Dictionary<string, object?> { ["subscription_id"] = subscriptionId, ["delivery_id"] = originalId });
        answer.Is(out Response<WebhookRedeliveryQueued>? queued);
        var copy = await subscriptions.Delivery(subscriptionId, queued!.Message.NewDeliveryId, cancellationToken);
        return Results.Json(WebhookViews.Of(copy!), ApiJson.Options, statusCode: StatusCodes.Status202Accepted);
    }
}
