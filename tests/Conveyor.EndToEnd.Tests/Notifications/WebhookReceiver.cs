using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conveyor.EndToEnd.Tests.Notifications;

/// <summary>
/// A real HTTP receiver on loopback (Kestrel), with one hook per name: it records every request and answers with the
/// status codes it was told to (then 200), optionally after a delay.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    readonly WebApplication app;
    readonly ConcurrentDictionary<string, Hook> hooks = new();

    WebhookReceiver(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<WebhookReceiver> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hooks/{name}", (string name, HttpContext context) => receiver!.Handle(name, context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new WebhookReceiver(app, address);
        return receiver;
    }

    /// <summary>A new hook; it answers <paramref name="answers"/> in turn, then 200 to everything.</summary>
    public Hook Add(string name, params int[] answers) => hooks[name] = new Hook($"{BaseUrl}/hooks/{name}", answers);

    async Task Handle(string name, HttpContext context)
    {
        var hook = hooks[name];
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        if (hook.Delay > TimeSpan.Zero)
            await Task.Delay(hook.Delay);
        var (status, retryAfter) = hook.NextAnswer();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        hook.Record(new ReceivedWebhook(DateTimeOffset.UtcNow, headers, body, status));
        if (retryAfter is { } seconds)
            context.Response.Headers.RetryAfter = seconds.ToString();
        context.Response.StatusCode = status;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
