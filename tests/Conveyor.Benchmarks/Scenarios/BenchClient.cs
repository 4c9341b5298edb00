using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Conveyor.Benchmarks.Scenarios;

/// <summary>The benchmark's seed-003 client: raw JSON bodies, prepared once, so the client costs little beside the server.</summary>
public sealed class BenchClient(HttpClient api)
{
    public async Task<Guid?> Submit(string body)
    {
        using var response = await api.PostAsync("/api/v1/jobs", Json(body));
        if (response.StatusCode != HttpStatusCode.Created)
            return null;
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
    }

    /// <summary>Submits a bulk body; answers how many of its jobs were accepted.</summary>
    public async Task<int> SubmitBulk(string body)
    {
        using var response = await api.PostAsync("/api/v1/jobs/bulk", Json(body));
        if (!response.IsSuccessStatusCode)
            return 0;
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray().Count(r => r?["id"] is not null);
    }

    /// <summary>Whether the server has a bulk submit endpoint: an empty list is answered by it, not by "no such endpoint".</summary>
    public async Task<bool> HasBulk()
    {
        using var response = await api.PostAsync("/api/v1/jobs/bulk", Json("[]"));
        return response.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed);
    }

    /// <summary>When the scheduler granted the job's attempt (seed 003's <c>started_at</c>), or null while it has not started.</summary>
    public async Task<DateTime?> StartedAt(Guid id)
    {
        using var response = await api.GetAsync($"/api/v1/jobs/{id}");
        response.EnsureSuccessStatusCode();
        var started = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["started_at"];
        return started is null ? null : started.GetValue<DateTime>().ToUniversalTime();
    }

    static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
