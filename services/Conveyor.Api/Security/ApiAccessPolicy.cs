namespace Conveyor.Api.Security;

/// <summary>
/// Which role each native route needs when keys are on. Health, the OpenAPI document and its reference page are public; the polling
/// executors' routes need an executor key; the admin routes and metrics (both pages) need an admin key; every other route
/// needs a client key, which sees only its own jobs (in lists, streams included) and the webhook subscriptions to them. An
/// admin key passes everywhere.
/// </summary>
public static class ApiAccessPolicy
{
    const string Prefix = "/api/v1";

    /// <summary>The API reference page and its script, public like the document they show.</summary>
    public const string ReferencePage = "/api/v1/docs";
    static readonly string[] PublicRoutes = ["/api/v1/health", "/api/v1/openapi.json"];
    static readonly string[] ExecutorRoutes = ["/api/v1/jobs/claim", "/api/v1/jobs/{id}/heartbeat", "/api/v1/jobs/{id}/complete", "/api/v1/jobs/{id}/fail"];
    static readonly string[] AdminPrefixes = ["/api/v1/admin", "/api/v1/metrics"];

    /// <summary>The Prometheus page every service serves shows what <c>/api/v1/metrics</c> shows, so on the API it needs the same key.</summary>
    const string ServiceMetrics = "/metrics";

    /// <summary>The role a route needs, or null when it is public or not a native route (the other surfaces check their own callers).</summary>
    public static ApiRole? RequiredRole(string routePattern)
    {
        var route = "/" + routePattern.TrimStart('/');
        if (route == ServiceMetrics)
            return ApiRole.Admin;
        if (!route.StartsWith(Prefix, StringComparison.Ordinal) || PublicRoutes.Contains(route) || IsReferencePage(route))
            return null;
        if (ExecutorRoutes.Contains(route))
            return ApiRole.Executor;
        if (AdminPrefixes.Any(p => route.StartsWith(p, StringComparison.Ordinal)))
            return ApiRole.Admin;
        return ApiRole.Client;
    }

    static bool IsReferencePage(string route) =>
        route == ReferencePage || route.StartsWith(ReferencePage + "/", StringComparison.Ordinal);

    public static bool Allows(ApiRole held, ApiRole needed) => held == ApiRole.Admin || held == needed;
}
