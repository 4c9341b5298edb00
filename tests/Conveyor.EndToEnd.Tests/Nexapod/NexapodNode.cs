using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests.Nexapod;

/// <summary>A NEXAPod node as its own client behaves: register, poll <c>GET /job</c> with <c>X-Node-ID</c>, post results.</summary>
public sealed class NexapodNode(HttpClient http, string nodeId)
{
    public string Id => nodeId;

    public static object Profile(string gpu = "NVIDIA RTX 3080") => new
    {
        os = "Linux",
        cpu = "Intel Core i7-12700K",
        gpu,
        hashes = new { runner = "sha256-of-runner", weights = "sha256-of-weights" },
    };

    public async Task<(HttpStatusCode Status, JsonNode? Body)> Send(HttpMethod method, string path, string? body = null, bool identify = true)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        if (identify)
            request.Headers.Add("X-Node-ID", nodeId);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"{method} {path}: {text}");
        return (response.StatusCode, JsonNode.Parse(text));
    }

    public async Task Register(object? profile = null)
    {
        var (status, body) = await Send(HttpMethod.Post, "/register", JsonSerializer.Serialize(new { node_id = nodeId, profile = profile ?? Profile() }));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal($$"""{"status":"registered","node_id":"{{nodeId}}"}""", body!.ToJsonString());
    }

    public async Task<JsonNode> Poll()
    {
        var (status, body) = await Send(HttpMethod.Get, "/job");
        Assert.True(status == HttpStatusCode.OK, $"GET /job answered {(int)status}: {body?.ToJsonString()}");
        return body!;
    }

    public Task<(HttpStatusCode Status, JsonNode? Body)> Report(string jobId, object result) =>
        Send(HttpMethod.Post, "/result", JsonSerializer.Serialize(new { job_id = jobId, result, node_id = nodeId }), identify: false);

    /// <summary>Takes and completes every data job waiting, so that a test starts from an empty pool.</summary>
    public async Task Drain()
    {
        for (var i = 0; i < 1000; i++)
        {
            var job = await Poll();
            if ((string?)job["status"] == "no_job_available")
                return;
            Assert.Equal(HttpStatusCode.OK, (await Report((string)job["job_id"]!, new { drained = true })).Status);
        }
    }
}
