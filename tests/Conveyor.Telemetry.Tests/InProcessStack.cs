using Conveyor.Api;
using Conveyor.Executor;
using Conveyor.Notifications;
using Conveyor.Scheduler;
using Conveyor.ServiceDefaults;
using Conveyor.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;

namespace Conveyor.Telemetry.Tests;

/// <summary>
/// The four services in this process, each composed exactly as its Program.cs composes it, against their own database
/// and virtual host, with an in-memory span exporter added through the service defaults' tracing hook.
/// </summary>
public sealed class InProcessStack : IAsyncDisposable
{
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    readonly List<WebApplication> services = [];
    readonly string dataDirectory = Directory.CreateTempSubdirectory("conveyor-telemetry-").FullName;

    InProcessStack(IsolatedDatabase database, IsolatedVirtualHost virtualHost)
    {
        Database = database;
        VirtualHost = virtualHost;
    }

    public IsolatedDatabase Database { get; }
    public IsolatedVirtualHost VirtualHost { get; }
    public SpanCollection Spans { get; } = new();
    public HttpClient Api { get; private set; } = null!;

    public static async Task<InProcessStack> Start()
    {
        var stack = new InProcessStack(await IsolatedDatabase.Create(), await IsolatedVirtualHost.Create());
        try
        {
            await stack.Host("Conveyor.Scheduler", b => b.AddScheduler(), _ => { });
            await stack.Host("Conveyor.Notifications", b => b.AddNotifications(), _ => { });
            await stack.Host("Conveyor.Executor", b => b.AddExecutor(), _ => { });
            var api = await stack.Host("Conveyor.Api", b => b.AddApi(), a => a.MapApi());
            stack.Api = new HttpClient { BaseAddress = new Uri(api.Urls.Single()), Timeout = TimeSpan.FromSeconds(60) };
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    async Task<WebApplication> Host(string service, Action<WebApplicationBuilder> add, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = service, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["ConnectionStrings:Conveyor"] = Database.ConnectionString,
            ["RabbitMq:Host"] = TestInfrastructure.RabbitHost,
            ["RabbitMq:VirtualHost"] = VirtualHost.Name,
            ["RabbitMq:Username"] = TestInfrastructure.RabbitUser,
            ["RabbitMq:Password"] = TestInfrastructure.RabbitPassword,
            ["Executor:DataDirectory"] = Path.Combine(dataDirectory, "executor"),
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // A subscription's target may be on loopback, where nothing listens: the test needs its event recorded, not sent.
            ["Webhooks:AllowLoopback"] = "true",
        });
        builder.AddServiceDefaults(tracing => tracing.AddInMemoryExporter(Spans));
        add(builder);
        var app = builder.Build();
        map(app);
        app.MapServiceDefaults();
        services.Add(app);
        await app.StartAsync();
        await WaitUntilReady(app);
        return app;
    }

    static async Task WaitUntilReady(WebApplication app)
    {
        using var probe = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTimeOffset.UtcNow + StartTimeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode)
                    return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{app.Environment.ApplicationName} did not become ready");
    }

    public async ValueTask DisposeAsync()
    {
        Api?.Dispose();
        // The API first, the scheduler last: nothing is left waiting for an answer while the others stop.
        foreach (var service in Enumerable.Reverse(services))
        {
            await service.StopAsync();
            await service.DisposeAsync();
        }
        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(dataDirectory, recursive: true);
    }
}
