using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Conveyor.TestSupport;

/// <summary>A fresh RabbitMQ virtual host per test run (through the management API), deleted afterwards.</summary>
public sealed class IsolatedVirtualHost : IAsyncDisposable
{
    readonly HttpClient management;

    IsolatedVirtualHost(string name, HttpClient management, TestBroker broker)
    {
        Name = name;
        this.management = management;
        Broker = broker;
    }

    public string Name { get; }

    /// <summary>The broker (or cluster) the virtual host lives on.</summary>
    public TestBroker Broker { get; }

    public static async Task<IsolatedVirtualHost> Create(TestBroker? on = null)
    {
        var broker = on ?? TestBroker.Single;
        var client = new HttpClient(new FailoverHandler(broker.ManagementUrls)) { BaseAddress = new Uri(broker.ManagementUrls[0]) };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestInfrastructure.RabbitUser}:{TestInfrastructure.RabbitPassword}"));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);

        var name = "conveyor-test-" + Guid.NewGuid().ToString("N")[..12];
        (await client.PutAsync($"/api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync($"/api/permissions/{name}/{TestInfrastructure.RabbitUser}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        if (broker.IsCluster)
        {
            // What infra/scripts/rabbitmq-cluster.sh sets on /: the execution queues, classic for their priorities, mirrored.
            (await client.PutAsJsonAsync($"/api/policies/{name}/execution-queues-mirrored", new Dictionary<string, object>
            {
                ["pattern"] = "^execute-job-",
                ["apply-to"] = "queues",
                ["definition"] = new Dictionary<string, string> { ["ha-mode"] = "all", ["ha-sync-mode"] = "automatic" },
            })).EnsureSuccessStatusCode();
        }
        return new IsolatedVirtualHost(name, client, broker);
    }

    /// <summary>The cluster node a queue's leader (quorum) or master (classic) is on, as <c>cvr1@localhost</c>.</summary>
    public async Task<string> LeaderOf(string queue)
    {
        var body = JsonNode.Parse(await management.GetStringAsync($"/api/queues/{Uri.EscapeDataString(Name)}/{Uri.EscapeDataString(queue)}"))!;
        return ((string?)body["leader"] ?? (string?)body["node"])!;
    }

    /// <summary>Messages waiting in the <c>_error</c> queues, for diagnosing a failed scenario.</summary>
    public async Task<string> ErrorQueueDepths()
    {
        var queues = await management.GetFromJsonAsync<List<QueueInfo>>($"/api/queues/{Name}") ?? [];
        return string.Join(", ", queues.Where(q => q.Name.EndsWith("_error", StringComparison.Ordinal)).Select(q => $"{q.Name}: {q.Messages}"));
    }

    /// <summary>
    /// Every queue that holds messages, with ready and unacknowledged counts and its consumers, for diagnosing a failed
    /// scenario: work waiting in a queue nobody consumes reads differently from work that never reached a queue.
    /// </summary>
    public async Task<string> QueueSummary()
    {
        var queues = await management.GetFromJsonAsync<List<QueueInfo>>($"/api/queues/{Name}") ?? [];
        return string.Join(", ", queues.Where(q => q.Messages > 0)
            .Select(q => $"{q.Name}: {q.MessagesReady} ready, {q.MessagesUnacknowledged} unacked, {q.Consumers} consumers"));
    }

    sealed record QueueInfo(
        string Name,
        long Messages,
        [property: JsonPropertyName("messages_ready")] long MessagesReady,
        [property: JsonPropertyName("messages_unacknowledged")] long MessagesUnacknowledged,
        int Consumers);

    /// <summary>A queue's message and consumer counts from the management API, or null while the queue does not exist.</summary>
    public async Task<QueueCounts?> Queue(string queue)
    {
        var response = await management.GetAsync($"/api/queues/{Uri.EscapeDataString(Name)}/{Uri.EscapeDataString(queue)}");
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        response.EnsureSuccessStatusCode();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var prefetch = body["consumer_details"]?.AsArray().Select(c => (int?)c?["prefetch_count"] ?? 0).ToList() ?? [];
        return new QueueCounts((long?)body["messages_ready"] ?? 0, (long?)body["messages_unacknowledged"] ?? 0, (int?)body["consumers"] ?? 0, prefetch);
    }

    /// <summary>The exchanges bound to an exchange (the sources that route into it), sorted; empty while it does not exist.</summary>
    public async Task<IReadOnlyList<string>> SourcesBoundTo(string exchange)
    {
        var response = await management.GetAsync($"/api/exchanges/{Uri.EscapeDataString(Name)}/{Uri.EscapeDataString(exchange)}/bindings/destination");
        if (response.StatusCode == HttpStatusCode.NotFound)
            return [];
        response.EnsureSuccessStatusCode();
        var bindings = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        return [.. bindings.Select(b => (string)b!["source"]!).Order(StringComparer.Ordinal)];
    }

    /// <summary>The names of the exchanges that start with <paramref name="prefix"/>, sorted.</summary>
    public async Task<IReadOnlyList<string>> ExchangesStartingWith(string prefix)
    {
        var exchanges = JsonNode.Parse(await management.GetStringAsync($"/api/exchanges/{Uri.EscapeDataString(Name)}"))!.AsArray();
        return [.. exchanges.Select(e => (string)e!["name"]!).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }

    /// <summary>Drops every ready message of a queue (the management UI's "Purge").</summary>
    public async Task Purge(string queue) =>
        (await management.DeleteAsync($"/api/queues/{Uri.EscapeDataString(Name)}/{Uri.EscapeDataString(queue)}/contents")).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        await management.DeleteAsync($"/api/vhosts/{Name}");
        management.Dispose();
    }
}
