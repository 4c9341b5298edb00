using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conveyor.TestSupport;

/// <summary>A minimal Kestrel app on a free loopback port, for test servers that stand in for the outside world.</summary>
public static class LoopbackHttp
{
    /// <param name="address">Where to listen instead of loopback: a simulated network's gateway, for its hosts to reach.</param>
    public static async Task<(WebApplication App, string BaseUrl)> Start(Action<WebApplication> map, System.Net.IPAddress? address = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{address?.ToString() ?? "127.0.0.1"}:0");
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return (app, app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }
}
