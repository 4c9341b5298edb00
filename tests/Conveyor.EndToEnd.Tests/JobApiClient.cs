using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests;

/// <summary>A seed-003 client, as a user would write one: raw JSON in, raw JSON out.</summary>
public sealed class JobApiClient(HttpClient api)
{
    static readonly string[] TerminalStatuses = ["completed", "failed", "cancelled"];

    public Task<HttpResponseMessage> PostRaw(string body) =>
        api.PostAsync("/api/v1/jobs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

    public async Task<Guid> Submit(object job)
    {
        var response = await api.PostAsJsonAsync("/api/v1/jobs", job);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable && JsonNode.Parse(body)?["context"]?["job_id"]?.GetValue<Guid>() is { } late)
            return await WaitUntilStored(late, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"submit answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["id"]!.GetValue<Guid>();
    }

    // A 503 names the job and says it may still be accepted: a client that waits for it, as this one does on a slow machine, loses nothing.
    async Task<Guid> WaitUntilStored(Guid id, string answer)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if ((await Get(id.ToString())).Status == HttpStatusCode.OK)
                return id;
            await Task.Delay(250);
        }
        throw new TimeoutException($"submit answered 503 and job {id} was never stored: {answer}");
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body)> Get(string id)
    {
        var response = await api.GetAsync($"/api/v1/jobs/{id}");
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length == 0 ? null : JsonNode.Parse(body));
    }

    public Task<HttpResponseMessage> Delete(Guid id) => api.DeleteAsync($"/api/v1/jobs/{id}");

    public Task<HttpResponseMessage> Stop(Guid id) => api.PostAsync($"/api/v1/jobs/{id}/stop", null);

    public Task<JsonNode> WaitForTerminal(Guid id, TimeSpan? timeout = null) => WaitForStatus(id, TerminalStatuses, timeout);

    public async Task<JsonNode> WaitForStatus(Guid id, IReadOnlyCollection<string> statuses, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        JsonNode? job = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            (_, job) = await Get(id.ToString());
            if (job?["status"]?.GetValue<string>() is { } status && statuses.Contains(status))
                return job;
            await Task.Delay(100);
        }
        throw new TimeoutException($"job {id} did not reach {string.Join('/', statuses)}: {job?.ToJsonString(new JsonSerializerOptions { WriteIndented = true })}");
    }
}
