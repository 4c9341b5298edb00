using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Conveyor.ServiceDefaults.Telemetry;

/// <summary>
/// OpenTelemetry as the eShop service defaults set it up. Metrics always, for the Prometheus page every service serves.
/// Traces only when something takes them: an OTLP endpoint (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) or a caller's
/// <c>configureTracing</c>; otherwise no span is created at all, and neither HTTP nor MassTransit carries trace headers.
/// </summary>
public static class ConveyorTelemetry
{
    const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// The most attribute combinations one metric keeps apart (more are summed into an overflow series). The SDK's default
    /// of 2,000 preallocates its points for every metric: 10.7 MB on the large object heap of each idle service here,
    /// where the busiest metric (HTTP request durations by route, method and status) has a few dozen.
    /// </summary>
    const int SeriesPerMetric = 256;

    public static WebApplicationBuilder AddConveyorTelemetry(this WebApplicationBuilder builder, Action<TracerProviderBuilder>? configureTracing)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName));

        telemetry.WithMetrics(metrics => metrics
            .AddView(_ => new MetricStreamConfiguration { CardinalityLimit = SeriesPerMetric })
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation()
            .AddProcessInstrumentation()
            .AddMeter(TelemetrySources.MassTransit, TelemetrySources.Conveyor)
            // Conveyor's gauges are read from the database at scrape time; a cached page would show numbers from before it.
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));

        var exportOtlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpoint]);
        if (!exportOtlp && configureTracing is null)
            return builder;

        telemetry.WithTracing(tracing =>
        {
            tracing
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !ProbeRoutes.Matches(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddSource(TelemetrySources.MassTransit, TelemetrySources.Conveyor)
                .AddNpgsql();
            if (exportOtlp)
                tracing.AddOtlpExporter();
            configureTracing?.Invoke(tracing);
        });
        return builder;
    }

    /// <summary>The OpenTelemetry Prometheus exporter's page (text format 0.0.4, or OpenMetrics when the scraper asks for it).</summary>
    public static IEndpointConventionBuilder MapConveyorMetrics(this IEndpointRouteBuilder endpoints, string path) =>
        endpoints.MapPrometheusScrapingEndpoint(path).WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
}
