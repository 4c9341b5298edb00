using Conveyor.Api.Http;
using Conveyor.Api.Queries;
using Conveyor.Api.Security;
using Conveyor.Api.Subscriptions;
using Conveyor.Persistence.Webhooks;
using Conveyor.Webhooks;
using Microsoft.Extensions.Options;

namespace Conveyor.Api.Endpoints.V1.Subscriptions;

/// <summary>
/// Webhook subscriptions: create, list, read, delete. With keys on, a client key's subscriptions are to its own jobs only
/// (their <c>owner</c> filter is the key's name), and it sees and deletes only those; another's is 404, as its jobs are.
/// </summary>
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

    static async Task<IResult> Create(HttpRequest request, HttpContext context, SubscriptionStore store, IOptions<WebhookTargetOptions> targets, ILogger<SubscriptionStore> logger,
        CancellationToken cancellationToken)
    {
        var (body, malformed) = await RequestJson.Read(request, cancellationToken);
        if (malformed is not null)
            return malformed;
        if (!SubscriptionParser.TryParse(body, targets.Value, out var parsed, out var error))
            return error;
        if (context.Caller().OwnerScope is { } scope)
        {
            if (parsed.Owner is { } asked && asked != scope)
                return ApiError.Result(StatusCodes.Status403Forbidden, "a client key can subscribe only to its own jobs",
                    new Dictionary<string, object?> { ["field"] = "owner", ["owner"] = asked });
            parsed = parsed with { Owner = scope };
        }

        var subscription = await store.Create(parsed, cancellationToken);
        logger.LogInformation("Subscription {SubscriptionId} created for {Events}", subscription.Id, subscription.Events);
        return Results.Json(WebhookViews.Of(subscription, withSecret: true), ApiJson.Options, statusCode: StatusCodes.Status201Created);
    }

    static async Task<IResult> List(HttpRequest request, HttpContext context, SubscriptionQueries subscriptions, CancellationToken cancellationToken)
    {
        if (!PageQuery.TryParse(request, out var limit, out var offset, out var error))
            return error;
        var page = await subscriptions.List(context.Caller().OwnerScope, limit, offset, cancellationToken);
        return Results.Json(page.Select(s => WebhookViews.Of(s)), ApiJson.Options);
    }

    static async Task<IResult> Get(string id, HttpContext context, SubscriptionQueries subscriptions, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var subscriptionId))
            return ApiError.BadRequest("subscription id must be a UUID", "id");
        var subscription = await Visible(subscriptions, subscriptionId, context.Caller(), cancellationToken);
        return subscription is null ? NotFound(subscriptionId) : Results.Json(WebhookViews.Of(subscription), ApiJson.Options);
    }

    static async Task<IResult> Delete(string id, HttpContext context, SubscriptionStore store, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var subscriptionId))
            return ApiError.BadRequest("subscription id must be a UUID", "id");
        return await store.Delete(subscriptionId, context.Caller().OwnerScope, cancellationToken) ? Results.NoContent() : NotFound(subscriptionId);
    }

    /// <summary>The subscription, when it exists and the caller may see it: an admin any, a client key those to its own jobs.</summary>
    internal static async Task<WebhookSubscription?> Visible(SubscriptionQueries subscriptions, Guid id, ApiCaller caller, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.Get(id, cancellationToken);
        return subscription is not null && caller.CanSee(subscription.Owner) ? subscription : null;
    }

    internal static IResult NotFound(Guid subscriptionId) =>
        ApiError.Result(StatusCodes.Status404NotFound, "subscription not found", new Dictionary<string, object?> { ["subscription_id"] = subscriptionId });
}
