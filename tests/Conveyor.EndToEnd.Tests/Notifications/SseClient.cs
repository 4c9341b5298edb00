using System.Net;
using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests.Notifications;

/// <summary>A minimal text/event-stream reader, as a browser's EventSource would see the stream.</summary>
public sealed class SseClient : IAsyncDisposable
{
    readonly HttpClient http;
    readonly HttpResponseMessage response;
    readonly StreamReader reader;

    SseClient(HttpClient http, HttpResponseMessage response, StreamReader reader)
    {
        this.http = http;
        this.response = response;
        this.reader = reader;
    }

    public static async Task<SseClient> Connect(Uri baseAddress, string path, string? apiKey = null)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (apiKey is not null)
            request.Headers.Add("X-API-Key", apiKey);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new SseClient(http, response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The next event, or null when the server ended the stream.</summary>
    public async Task<ServerSentEvent?> Next(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        string? name = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.Length == 0 && data.Count > 0)
                return new ServerSentEvent(name ?? "message", JsonNode.Parse(string.Join('\n', data))!);
            if (line.StartsWith("event: ", StringComparison.Ordinal))
                name = line["event: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
                data.Add(line["data: ".Length..]);
        }
        return null;
    }

    /// <summary>Reads events until one satisfies <paramref name="last"/> (included) or the stream ends.</summary>
    public async Task<List<ServerSentEvent>> ReadUntil(Func<ServerSentEvent, bool> last, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        var events = new List<ServerSentEvent>();
        while (await Next(TimeSpan.FromMilliseconds(Math.Max(1, (deadline - DateTimeOffset.UtcNow).TotalMilliseconds))) is { } next)
        {
            events.Add(next);
            if (last(next))
                break;
        }
        return events;
    }

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        http.Dispose();
        return ValueTask.CompletedTask;
    }
}
