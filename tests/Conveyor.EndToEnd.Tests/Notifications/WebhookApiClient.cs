using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests.Notifications;

/// <summary>The subscription endpoints, as a user would call them: raw JSON in, raw JSON out.</summary>
public sealed class WebhookApiClient(HttpClient api)
{
    public async Task<(HttpStatusCode Status, JsonNode? Body)> Send(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Creates a subscription and returns it (with its secret).</summary>
    public async Task<JsonNode> Subscribe(object subscription)
    {
        var (status, body) = await Send(HttpMethod.Post, "/api/v1/subscriptions", subscription);
        Assert.True(status == HttpStatusCode.Created, $"subscribe answered {(int)status}: {body?.ToJsonString()}");
        return body!;
    }

    public async Task<JsonArray> Deliveries(string subscriptionId, string query = "")
    {
        var (status, body) = await Send(HttpMethod.Get, $"/api/v1/subscriptions/{subscriptionId}/deliveries{query}");
        Assert.Equal(HttpStatusCode.OK, status);
        return body!.AsArray();
    }

    /// <summary>Waits until the delivery log satisfies <paramref name="done"/>; returns it, newest first.</summary>
    public async Task<JsonArray> WaitForDeliveries(string subscriptionId, Func<JsonArray, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        var log = new JsonArray();
        while (DateTimeOffset.UtcNow < deadline)
        {
            log = await Deliveries(subscriptionId);
            if (done(log))
                return log;
            await Task.Delay(100);
        }
        throw new TimeoutException($"delivery log of {subscriptionId}: {log.ToJsonString()}");
    }
}
