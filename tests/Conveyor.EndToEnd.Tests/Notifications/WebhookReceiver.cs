using System.Collections.Concurrent;
using Conveyor.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

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
        WebhookReceiver? receiver = null;
        var (app, address) = await LoopbackHttp.Start(server => server.MapPost("/hooks/{name}", (string name, HttpContext context) => receiver!.Handle(name, context)));
        receiver = new WebhookReceiver(app, address);
        return receiver;
    }

    /// <summary>A new hook; it answers <paramref name="answers"/> in turn, then 200 to everything.</summary>
    public Hook Add(string name, params int[] answers) => hooks[name] = new Hook($"{BaseUrl}/hooks/{name}", answers);

    async Task Handle(string name, HttpContext context)
    {
        var hook = hooks[name];
        hook.Arrive();
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        if (hook.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(hook.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the sender gave up waiting: nothing was answered
            }
        }
        var (status, retryAfter) = hook.NextAnswer();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        hook.Record(new ReceivedWebhook(DateTimeOffset.UtcNow, headers, body, status));
        if (retryAfter is { } seconds)
            context.Response.Headers.RetryAfter = seconds.ToString();
        context.Response.StatusCode = status;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
