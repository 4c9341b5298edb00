using Conveyor.ServiceDefaults.Telemetry;

namespace Conveyor.Api.Endpoints.V1.Admin;

/// <summary>
/// Seed 003's <c>GET /metrics</c>, in the Prometheus text format: the same OpenTelemetry exporter as the <c>/metrics</c>
/// every service serves, here under the native API's prefix (and behind an admin key when keys are on).
/// </summary>
public static class MetricsEndpoints
{
    public static IEndpointRouteBuilder MapMetricsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapConveyorMetrics(ProbeRoutes.ApiMetrics);
        return app;
    }
}
