using Conveyor.ServiceDefaults.Logging;
using Conveyor.ServiceDefaults.Memory;
using Conveyor.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Conveyor.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// What every service shares: Serilog (<see cref="ConveyorLogging"/>), OpenTelemetry metrics and traces
    /// (<see cref="ConveyorTelemetry"/>) and health checks.
    /// </summary>
    /// <param name="configureTracing">Extra tracing setup, e.g. a test's in-memory exporter; giving it turns tracing on without OTLP.</param>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, Action<TracerProviderBuilder>? configureTracing = null)
    {
        builder.AddConveyorLogging();
        builder.AddConveyorTelemetry(configureTracing);
        builder.Services.AddHealthChecks();
        if (builder.Configuration.GetValue("ReleaseStartupGarbage", true))
            builder.Services.AddHostedService<StartupGarbageRelease>();
        return builder;
    }

    /// <summary>
    /// Liveness (the process answers) and readiness (its health checks pass) for process supervisors, and the Prometheus
    /// page at <c>/metrics</c>.
    /// </summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.MapHealthChecks(ProbeRoutes.Live, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(ProbeRoutes.Ready);
        app.MapConveyorMetrics(ProbeRoutes.Metrics);
        return app;
    }
}
