using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Formatting.Json;

namespace Conveyor.ServiceDefaults.Logging;

/// <summary>
/// Serilog for every service through Serilog.AspNetCore. Levels and extra sinks come from the <c>Serilog</c> section of
/// <c>appsettings.json</c> (environment variables override, e.g. <c>Serilog__MinimumLevel__Default=Debug</c>);
/// <c>Logging__Json=true</c> switches the console from text to JSON.
/// </summary>
public static class ConveyorLogging
{
    const string TextTemplate = "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}";

    public static WebApplicationBuilder AddConveyorLogging(this WebApplicationBuilder builder)
    {
        var service = builder.Environment.ApplicationName;
        // Services log through ILogger only. Keeping the static Log.Logger out of it lets several hosts share a process (tests).
        builder.Host.UseSerilog((context, services, logger) =>
        {
            logger.ReadFrom.Configuration(context.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Service", service);
            if (context.Configuration.GetValue<bool>("Logging:Json"))
                logger.WriteTo.Console(new JsonFormatter(renderMessage: true));
            else
                logger.WriteTo.Console(outputTemplate: TextTemplate);
        }, preserveStaticLogger: true);
        // First in the pipeline, so that requests a later middleware answers itself (a refused API key) are logged too.
        builder.Services.AddTransient<IStartupFilter, RequestLoggingStartupFilter>();
        return builder;
    }
}
