using Conveyor.Api.Http;
using Conveyor.Api.Queries;
using Conveyor.Api.Webhooks;
using Conveyor.Persistence.Webhooks;
using Microsoft.Extensions.Options;

namespace Conveyor.Api.Endpoints.V1;

/// <summary>Webhook subscriptions: create, list, read, delete.</summary>
public static class SubscriptionEndpoints
{
    public static RouteGroupBuilder MapSubscriptionEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/subscriptions", Create);
        v1.MapGet("/subscriptions", List);
        v1.MapGet("/subscriptions/{id}", Get);
        v1.MapDelete("/subscriptions/{id}", Delete);
        return v1;
    }

    static async Task<IResult> Create(HttpRequest request, SubscriptionStore store, IOptions<WebhookTargetOptions> targets, ILogger<SubscriptionStore> logger,
        CancellationToken cancellationToken)
    {
        var (body, malformed) = await RequestJson.Read(request, cancellationToken);
        if (malformed is not null)
            return malformed;
        if (!SubscriptionParser.TryParse(body, targets.Value, out var parsed, out var error))
            return error;

        var subscription = await store.Create(parsed, cancellationToken);
        logger.LogInformation("Subscription {SubscriptionId} created for {Events}", subscription.Id, subscription.Events);
        return Results.Json(WebhookViews.Of(subscription, withSecret: true), ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    static async Task<IResult> List(HttpRequest request, SubscriptionQueries subscriptions, CancellationToken cancellationToken)
    {
        if (!PageQuery.TryParse(request, out var limit, out var offset, out var error))
            return error;
        var page = await subscriptions.List(limit, offset, cancellationToken);
        return Results.Json(page.Select(s => WebhookViews.Of(s)), ApiJson.Options);
    }

    static async Task<IResult> Get(string id, SubscriptionQueries subscriptions, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var subscriptionId))
            return ApiError.BadRequest("subscription id must be a UUID", "id");
        var subscription = await subscriptions.Get(subscriptionId, cancellationToken);
        return subscription is null ? NotFound(subscriptionId) : Results.Json(WebhookViews.Of(subscription), ApiJson.Options);
    }

    static async Task<IResult> Delete(string id, SubscriptionStore store, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var subscriptionId))
            return ApiError.BadRequest("subscription id must be a UUID", "id");
        return await store.Delete(subscriptionId, cancellationToken) ? Results.NoContent() : NotFound(subscriptionId);
    }

    internal static IResult NotFound(Guid subscriptionId) =>
        ApiError.Result(StatusCodes.Status404NotFound, "subscription not found", new Dictionary<string, object?> { ["subscription_id"] = subscriptionId });
}
