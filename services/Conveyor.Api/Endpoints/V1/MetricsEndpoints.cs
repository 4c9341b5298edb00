using Conveyor.Api.Metrics;
using Conveyor.ServiceDefaults.Metrics;

namespace Conveyor.Api.Endpoints.V1;

/// <summary>Seed 003's <c>GET /metrics</c>, in the Prometheus text format.</summary>
public static class MetricsEndpoints
{
    public static RouteGroupBuilder MapMetricsEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/metrics", async (MetricsWriter writer, CancellationToken cancellationToken) =>
            Results.Text(await writer.Write(cancellationToken), PrometheusText.ContentType));
        return v1;
    }
}
