// Signs as a Nosana client, posts a two-op job, follows its log over the WebSocket and reads its result.
// Usage: dotnet Conveyor.ExampleNosanaClient.dll [http://127.0.0.1:8080]
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NSec.Cryptography;
using SimpleBase;

var api = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:8080");
using var key = Key.Create(SignatureAlgorithm.Ed25519);
var address = Base58.Bitcoin.Encode(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
var header = $"{address}:{Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(key, "Hello Nosana Node!"u8))}";
var id = "example-" + Guid.NewGuid().ToString("N")[..8];

using var http = new HttpClient { BaseAddress = api };
http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);
var job = """
    {"jobDefinition":{"version":"0.1","type":"container","global":{"image":"conveyor/busybox:latest","env":{"WHO":"world"}},
     "ops":[{"type":"container/run","id":"greet","args":{"cmd":"echo hello $WHO; sleep 1"}},
            {"type":"container/run","id":"count","args":{"cmd":["sh","-c","echo 1; echo 2"]}}]}}
    """;
var posted = await http.PostAsync($"/job-definition/{id}", new StringContent(job, Encoding.UTF8, "application/json"));
Console.WriteLine($"{id}: {await posted.Content.ReadAsStringAsync()}");

using var socket = new ClientWebSocket();
await socket.ConnectAsync(new Uri($"ws://{api.Authority}/"), CancellationToken.None);
foreach (var path in new[] { "/log", "/status" })
    await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(new { path, header, body = new { jobAddress = id, address } }),
        WebSocketMessageType.Text, true, CancellationToken.None);
var buffer = new byte[65536];
while (true)
{
    var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
    var frame = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, received.Count))!;
    var data = JsonNode.Parse((string)frame["data"]!)!;
    if ((string?)frame["path"] == "log")
        Console.WriteLine($"log {data["type"]}: {data["log"]}");
    else if ((string?)data["status"] is "flow-success" or "flow-failed" or "flow-stopped")
        break;
}

Console.WriteLine($"result: {await http.GetStringAsync($"/job-definition/{id}")}");
