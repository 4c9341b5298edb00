using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Runtimes.Docker;

/// <summary>
/// The few Docker Engine API calls Conveyor needs, over the engine's unix socket (Docker.DotNet is not served here).
/// Every failure becomes a <see cref="DockerEngineException"/> carrying the engine's own message.
/// </summary>
public sealed class DockerEngineClient : IDisposable
{
    readonly DockerRuntimeOptions options;
    readonly HttpClient http;

    public DockerEngineClient(IOptions<DockerRuntimeOptions> options)
    {
        this.options = options.Value;
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) => new NetworkStream(await OpenSocket(cancellationToken), ownsSocket: true),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };
        // Waiting for a container takes as long as the job; each call sets its own limit instead.
        http = new HttpClient(handler) { BaseAddress = new Uri($"http://docker/v{this.options.ApiVersion}/"), Timeout = Timeout.InfiniteTimeSpan };
    }

    public string Endpoint => "unix://" + options.SocketPath;

    public async Task<bool> Ping(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Send(HttpMethod.Get, "_ping", null, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (DockerEngineException)
        {
            return false;
        }
    }

    public async Task<bool> ImageExists(string image, CancellationToken cancellationToken)
    {
        using var response = await Send(HttpMethod.Get, $"images/{image}/json", null, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            return false;
        await EnsureSuccess(response, cancellationToken);
        return true;
    }

    /// <summary>Pulls an image; the engine reports a failed pull either as an error status or as an error line in its progress stream.</summary>
    public async Task PullImage(string image, CancellationToken cancellationToken)
    {
        var (name, tag) = ImageReference.Split(image);
        var query = $"images/create?fromImage={Uri.EscapeDataString(name)}" + (tag is null ? "" : $"&tag={Uri.EscapeDataString(tag)}");
        using var response = await Send(HttpMethod.Post, query, null, cancellationToken, options.PullTimeout);
        await EnsureSuccess(response, cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.PullTimeout);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Length > 0 && JsonNode.Parse(line)?["error"]?.GetValue<string>() is { } error)
                throw new DockerEngineException(error);
        }
    }

    public async Task<string> CreateContainer(string name, JsonObject body, CancellationToken cancellationToken)
    {
        using var response = await Send(HttpMethod.Post, $"containers/create?name={Uri.EscapeDataString(name)}", body, cancellationToken);
        await EnsureSuccess(response, cancellationToken);
        var created = await ReadJson(response, cancellationToken);
        return created["Id"]?.GetValue<string>() ?? throw new DockerEngineException("the engine created a container without an id");
    }

    /// <summary>Attaches to a created container's stdin, stdout and stderr; attach before start to miss no output.</summary>
    public async Task<ContainerAttachment> Attach(string id, CancellationToken cancellationToken)
    {
        var socket = await OpenSocket(cancellationToken);
        return await ContainerAttachment.Open(socket, $"/v{options.ApiVersion}/containers/{id}/attach?stream=1&stdin=1&stdout=1&stderr=1", cancellationToken);
    }

    public async Task StartContainer(string id, CancellationToken cancellationToken)
    {
        using var response = await Send(HttpMethod.Post, $"containers/{id}/start", null, cancellationToken);
        if (response.StatusCode != System.Net.HttpStatusCode.NotModified)
            await EnsureSuccess(response, cancellationToken);
    }

    /// <summary>Waits for the container to stop and returns its exit code; no time limit of its own, the token decides.</summary>
    public async Task<int> WaitContainer(string id, CancellationToken cancellationToken)
    {
        using var response = await Send(HttpMethod.Post, $"containers/{id}/wait", null, cancellationToken, Timeout.InfiniteTimeSpan);
        await EnsureSuccess(response, cancellationToken);
        var result = await ReadJson(response, cancellationToken);
        return (int)(result["StatusCode"]?.GetValue<long>() ?? -1);
    }

    public async Task<bool> WasKilledForMemory(string id, CancellationToken cancellationToken)
    {
        using var response = await Send(HttpMethod.Get, $"containers/{id}/json", null, cancellationToken);
        await EnsureSuccess(response, cancellationToken);
        return (await ReadJson(response, cancellationToken))["State"]?["OOMKilled"]?.GetValue<bool>() == true;
    }

    /// <summary>Kills and removes a container with its anonymous volumes; one that is already gone is fine.</summary>
    public async Task RemoveContainer(string id, CancellationToken cancellationToken)
    {
        using var response = await Send(HttpMethod.Delete, $"containers/{id}?force=true&v=true", null, cancellationToken);
        if (response.StatusCode is not (System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Conflict))
            await EnsureSuccess(response, cancellationToken);
    }

    /// <summary>Ids of all containers, running or not, that carry the label <paramref name="label"/> (<c>key=value</c>).</summary>
    public async Task<IReadOnlyList<string>> ListContainers(string label, CancellationToken cancellationToken)
    {
        var filters = Uri.EscapeDataString(new JsonObject { ["label"] = new JsonArray(label) }.ToJsonString());
        using var response = await Send(HttpMethod.Get, $"containers/json?all=true&filters={filters}", null, cancellationToken);
        await EnsureSuccess(response, cancellationToken);
        var containers = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))?.AsArray() ?? [];
        return containers.Select(c => c?["Id"]?.GetValue<string>()).OfType<string>().ToList();
    }

    async Task<HttpResponseMessage> Send(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken, TimeSpan? limit = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit ?? options.RequestTimeout);
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (HttpRequestException ex)
        {
            throw new DockerEngineException($"the Docker engine at {Endpoint} did not answer: {ex.Message}", inner: ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DockerEngineException($"the Docker engine at {Endpoint} did not answer {method} {path} in time", inner: ex);
        }
    }

    static async Task EnsureSuccess(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        string? message = null;
        try
        {
            message = JsonNode.Parse(text)?["message"]?.GetValue<string>();
        }
        catch (JsonException)
        {
            // Not the engine's JSON error; the raw text says it.
        }
        throw new DockerEngineException(message ?? $"the engine answered {(int)response.StatusCode}: {text}", (int)response.StatusCode);
    }

    static async Task<JsonNode> ReadJson(HttpResponseMessage response, CancellationToken cancellationToken) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) ?? new JsonObject();

    async Task<Socket> OpenSocket(CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(options.SocketPath), cancellationToken);
            return socket;
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new DockerEngineException($"the Docker engine at {Endpoint} did not answer: {ex.Message}", inner: ex);
        }
    }

    public void Dispose() => http.Dispose();
}
