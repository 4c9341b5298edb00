using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Conveyor.ServiceDefaults.Metrics;
using Serilog;
using Serilog.Formatting.Json;

namespace Conveyor.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>The meters kept for <c>/metrics</c>: ASP.NET Core's request durations, MassTransit's messaging, Conveyor's own.</summary>
    static readonly string[] MeterPrefixes = ["Microsoft.AspNetCore.Hosting", "MassTransit", "Conveyor"];

    const string TextTemplate = "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}";

    /// <summary>
    /// Serilog for every service, through Microsoft.Extensions.Logging (Serilog.AspNetCore is not served here).
    /// Levels and sinks follow the <c>Serilog</c> configuration section; <c>Logging__Json=true</c> switches the console to JSON.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("MassTransit", Serilog.Events.LogEventLevel.Warning)
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Service", builder.Environment.ApplicationName);

        logger = builder.Configuration.GetValue<bool>("Logging:Json")
            ? logger.WriteTo.Console(new JsonFormatter(renderMessage: true))
            : logger.WriteTo.Console(outputTemplate: TextTemplate);

        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger.CreateLogger(), dispose: true);
        builder.Services.AddHealthChecks();
        // Created now, not on first scrape, so that it hears every measurement from the start.
        builder.Services.AddSingleton(new MeterCollector(MeterPrefixes));
        return builder;
    }

    /// <summary>Liveness (the process answers) and readiness (its health checks pass) for process supervisors.</summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready");
        return app;
    }
}
