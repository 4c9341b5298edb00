using Microsoft.AspNetCore.Http;

namespace Conveyor.ServiceDefaults.Telemetry;

/// <summary>The routes supervisors and scrapers call every few seconds: answered, but neither traced nor logged at Information.</summary>
public static class ProbeRoutes
{
    public const string Live = "/health/live";
    public const string Ready = "/health/ready";
    public const string Metrics = "/metrics";
    public const string ApiHealth = "/api/v1/health";
    public const string ApiMetrics = "/api/v1/metrics";

    public static bool Matches(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(Metrics)
        || path.StartsWithSegments(ApiHealth) || path.StartsWithSegments(ApiMetrics);
}
