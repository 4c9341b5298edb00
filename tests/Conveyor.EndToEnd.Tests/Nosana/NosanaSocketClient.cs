using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests.Nosana;

/// <summary>A WebSocket client of the node's streams: sends subscribe messages, reads text frames.</summary>
public sealed class NosanaSocketClient : IAsyncDisposable
{
    readonly ClientWebSocket socket = new();

    public static async Task<NosanaSocketClient> Connect(Uri api)
    {
        var client = new NosanaSocketClient();
        await client.socket.ConnectAsync(new Uri($"ws://{api.Authority}/"), CancellationToken.None);
        return client;
    }

    public Task Subscribe(string path, string header, string jobAddress, string address) =>
        Send(JsonSerializer.Serialize(new { path, header, body = new { jobAddress, address } }));

    public Task Send(string text) => socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next text frame; fails the test if none comes in time.</summary>
    public async Task<string> Receive(TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        using var message = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, limit.Token);
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
                return Encoding.UTF8.GetString(message.ToArray());
        }
    }

    /// <summary>The next frame of <paramref name="path"/> (<c>state</c> or <c>log</c>), its data parsed from the JSON string it is.</summary>
    public async Task<JsonNode> ReceiveData(string path)
    {
        var frame = JsonNode.Parse(await Receive())!;
        Assert.Equal(path, (string?)frame["path"]);
        return JsonNode.Parse((string)frame["data"]!)!;
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, limit.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }
        }
        socket.Dispose();
    }
}
