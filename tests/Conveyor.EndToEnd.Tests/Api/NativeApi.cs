using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests.Api;

/// <summary>A raw seed-003 client: JSON text in, status and parsed JSON out, so tests see exactly what is on the wire.</summary>
public sealed class NativeApi(HttpClient http)
{
    /// <summary>One number that changes when any job row changes (its state, attempts or owner) or a row comes or goes.</summary>
    public const string FingerprintSql =
        "SELECT count(*) * 1000003 + coalesce(sum(hashtext(id::text || current_state || attempts::text || coalesce(owner, ''))), 0) FROM jobs";

    public const string Sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public HttpClient Http => http;

    public async Task<(HttpStatusCode Status, JsonNode? Body)> Send(HttpMethod method, string path, string? body = null, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        if (apiKey is not null)
            request.Headers.Add("X-API-Key", apiKey);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public Task<(HttpStatusCode Status, JsonNode? Body)> Post(string path, object body, string? apiKey = null) =>
        Send(HttpMethod.Post, path, JsonSerializer.Serialize(body), apiKey);

    public Task<(HttpStatusCode Status, JsonNode? Body)> Put(string path, object body, string? apiKey = null) =>
        Send(HttpMethod.Put, path, JsonSerializer.Serialize(body), apiKey);

    public Task<(HttpStatusCode Status, JsonNode? Body)> Get(string path, string? apiKey = null) => Send(HttpMethod.Get, path, apiKey: apiKey);

    public static object Job(string type, string priority = "background", bool gpu = false) => gpu
        ? new { type, binary_url = "http://127.0.0.1:9/bin/never", binary_sha256 = Sha, priority, arguments = new[] { "a" },
            env_variables = new Dictionary<string, string> { ["K"] = "v" }, resources = new { gpu = 1 } }
        : new { type, binary_url = "http://127.0.0.1:9/bin/never", binary_sha256 = Sha, priority, arguments = new[] { "a" },
            env_variables = new Dictionary<string, string> { ["K"] = "v" } };

    public async Task<Guid> Submit(object job, string? apiKey = null)
    {
        var (status, body) = await Post("/api/v1/jobs", job, apiKey);
        Assert.True(status == HttpStatusCode.Created, $"submit answered {(int)status}: {body}");
        return body!["id"]!.GetValue<Guid>();
    }

    /// <summary>Claims and fails everything waiting in <paramref name="pool"/>, so that the next claim sees only what the test submits.</summary>
    public async Task Drain(string pool, string executorId = "drainer")
    {
        for (var i = 0; i < 1000; i++)
        {
            var (status, job) = await Post("/api/v1/jobs/claim", new { executor_id = executorId, pool });
            if (status == HttpStatusCode.NoContent)
                return;
            Assert.Equal(HttpStatusCode.OK, status);
            await Put($"/api/v1/jobs/{job!["id"]}/fail", new { executor_id = executorId, error_message = "drained" });
        }
    }

    public static void AssertError(JsonNode? body, string because)
    {
        Assert.True(body is JsonObject, $"{because}: the error body is not a JSON object: {body}");
        Assert.True(body!["error"] is JsonValue error && error.GetValueKind() == JsonValueKind.String && error.GetValue<string>().Length > 0,
            $"{because}: no error sentence: {body}");
        Assert.True(body["context"] is JsonObject, $"{because}: no context object: {body}");
    }

    public static IReadOnlyList<string> Fields(JsonNode? node) => node!.AsObject().Select(p => p.Key).ToList();
}
