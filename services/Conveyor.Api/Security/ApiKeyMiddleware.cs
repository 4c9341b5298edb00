using Conveyor.Api.Http;

namespace Conveyor.Api.Security;

/// <summary>
/// Checks the API key of a native route's request (<c>X-API-Key: KEY</c> or <c>Authorization: Bearer KEY</c>, else the
/// dashboard's <see cref="KeyCookie"/>) when keys are
/// configured: 401 without a known key, 403 when its role does not reach the route. Runs after routing, so it judges the
/// route matched, not the raw path.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyStore keys)
{
    public Task Invoke(HttpContext context)
    {
        if (!keys.Enabled || context.GetEndpoint() is not RouteEndpoint endpoint
            || ApiAccessPolicy.RequiredRole(endpoint.RoutePattern.RawText ?? "") is not { } needed)
            return next(context);

        var presented = PresentedKey(context.Request) ?? KeyCookie.Read(context.Request);
        if (presented is null)
            return Refuse(context, StatusCodes.Status401Unauthorized, "an API key is required (X-API-Key or Authorization: Bearer)");
        if (!keys.TryFind(presented, out var caller))
            return Refuse(context, StatusCodes.Status401Unauthorized, "the API key is not valid");
        if (!ApiAccessPolicy.Allows(caller.Role, needed))
            return Refuse(context, StatusCodes.Status403Forbidden, $"this endpoint needs a key with the {needed.ToString().ToLowerInvariant()} role",
                ("role", caller.Role.ToString().ToLowerInvariant()));
        context.SetCaller(caller);
        return next(context);
    }

    /// <summary>The key a request presents, by header; shared with the surfaces that check their own callers.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        var header = request.Headers["X-API-Key"].ToString();
        if (header.Length > 0)
            return header;
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > 7 ? authorization[7..].Trim() : null;
    }

    static Task Refuse(HttpContext context, int status, string error, params (string Key, object? Value)[] details)
    {
        var body = new Dictionary<string, object?> { ["path"] = context.Request.Path.Value };
        foreach (var (key, value) in details)
            body[key] = value;
        if (status == StatusCodes.Status401Unauthorized)
            context.Response.Headers.WWWAuthenticate = "Bearer";
        return ApiError.Result(status, error, body).ExecuteAsync(context);
    }
}
