using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests.Infernet;

/// <summary>What an Infernet client sends and reads, checked to be JSON every time, as Infernet's own client expects.</summary>
public sealed class InfernetClient(HttpClient http, string? apiKey = null)
{
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public async Task<(HttpStatusCode Status, JsonNode? Body)> Send(HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        if (apiKey is not null)
            request.Headers.Add("X-API-Key", apiKey);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json",
            $"{method} {path} answered {(int)response.StatusCode} as {response.Content.Headers.ContentType}: {text}");
        return (response.StatusCode, JsonNode.Parse(text));
    }

    public Task<(HttpStatusCode Status, JsonNode? Body)> Post(string path, object body) =>
        Send(HttpMethod.Post, path, System.Text.Json.JsonSerializer.Serialize(body));

    public Task<(HttpStatusCode Status, JsonNode? Body)> Get(string path) => Send(HttpMethod.Get, path);

    public async Task<Guid> Create(string[] containers, object data)
    {
        var (status, body) = await Post("/api/jobs", new { containers, data });
        Assert.True(status == HttpStatusCode.OK, $"POST /api/jobs answered {(int)status}: {body?.ToJsonString()}");
        return Guid.Parse((string)body!["id"]!);
    }

    /// <summary>Polls <c>GET /api/jobs?id=</c> until the job is no longer running.</summary>
    public async Task<JsonNode> WaitForResult(Guid id, bool intermediate = false)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var (_, body) = await Get($"/api/jobs?id={id}" + (intermediate ? "&intermediate=true" : ""));
            var result = Assert.Single(body!.AsArray())!;
            if ((string?)result["status"] != "running")
                return result;
            Assert.True(DateTime.UtcNow < deadline, $"job {id} still running after {Patience}");
            await Task.Delay(200);
        }
    }
}
