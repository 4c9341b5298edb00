using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Serilog;

namespace Conveyor.ServiceDefaults.Logging;

/// <summary>One line per HTTP request (Serilog's request logging), at the level <see cref="RequestLogLevels"/> gives it.</summary>
internal sealed class RequestLoggingStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseSerilogRequestLogging(options => options.GetLevel = RequestLogLevels.Of);
        next(app);
    };
}
