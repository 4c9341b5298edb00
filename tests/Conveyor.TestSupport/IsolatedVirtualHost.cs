using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Conveyor.TestSupport;

/// <summary>A fresh RabbitMQ virtual host per test run (through the management API), deleted afterwards.</summary>
public sealed class IsolatedVirtualHost : IAsyncDisposable
{
    readonly HttpClient management;

    IsolatedVirtualHost(string name, HttpClient management)
    {
        Name = name;
        this.management = management;
    }

    public string Name { get; }

    public static async Task<IsolatedVirtualHost> Create()
    {
        var client = new HttpClient { BaseAddress = new Uri(TestInfrastructure.RabbitManagementUrl) };
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestInfrastructure.RabbitUser}:{TestInfrastructure.RabbitPassword}"));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);

        var name = "conveyor-test-" + Guid.NewGuid().ToString("N")[..12];
        (await client.PutAsync($"/api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync($"/api/permissions/{name}/{TestInfrastructure.RabbitUser}",
            new { configure = ".*", write = ".*", read = ".*" })).EnsureSuccessStatusCode();
        return new IsolatedVirtualHost(name, client);
    }

    /// <summary>Messages waiting in the <c>_error</c> queues, for diagnosing a failed scenario.</summary>
    public async Task<string> ErrorQueueDepths()
    {
        var queues = await management.GetFromJsonAsync<List<QueueInfo>>($"/api/queues/{Name}") ?? [];
        return string.Join(", ", queues.Where(q => q.Name.EndsWith("_error", StringComparison.Ordinal)).Select(q => $"{q.Name}: {q.Messages}"));
    }

    sealed record QueueInfo(string Name, long Messages);

    public async ValueTask DisposeAsync()
    {
        await management.DeleteAsync($"/api/vhosts/{Name}");
        management.Dispose();
    }
}
