using Conveyor.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Http;
using Serilog.Events;

namespace Conveyor.ServiceDefaults.Logging;

/// <summary>
/// Requests that fail on the server are errors. The routes called every few seconds by probes, scrapers and polling
/// executors (health, metrics, claim, heartbeat) are Debug, so that they do not bury the rest; everything else is Information.
/// </summary>
public static class RequestLogLevels
{
    const string Claim = "/api/v1/jobs/claim";
    const string Heartbeat = "/heartbeat";

    public static LogEventLevel Of(HttpContext context, double elapsedMilliseconds, Exception? exception)
    {
        if (exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError)
            return LogEventLevel.Error;
        return IsNoisy(context.Request.Path) ? LogEventLevel.Debug : LogEventLevel.Information;
    }

    public static bool IsNoisy(PathString path) =>
        ProbeRoutes.Matches(path) || path.StartsWithSegments(Claim)
        || (path.Value?.EndsWith(Heartbeat, StringComparison.Ordinal) ?? false);
}
