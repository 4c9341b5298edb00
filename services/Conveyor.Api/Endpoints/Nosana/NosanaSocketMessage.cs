using System.Text.Json;

namespace Conveyor.Api.Endpoints.Nosana;

/// <summary>
/// A client's WebSocket message: <c>{path: "/status" | "/log", header, body: {jobAddress, address}}</c>, with
/// <c>timestamp</c> and <c>nonce</c> beside them in strict mode. <see cref="RawBody"/> is <c>body</c> as sent.
/// </summary>
public sealed record NosanaSocketMessage(string Path, string? Header, string RawBody, string? JobAddress, string? Address, string? Timestamp,
    string? Nonce)
{
    /// <returns>Null for anything that is not such a message (not JSON, no path).</returns>
    public static NosanaSocketMessage? Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || NosanaJson.Text(root, "path") is not { } path)
                return null;
            var body = root.TryGetProperty("body", out var given) ? given : default;
            return new NosanaSocketMessage(path, NosanaJson.Text(root, "header"), body.ValueKind == JsonValueKind.Undefined ? "" : body.GetRawText(),
                NosanaJson.Text(body, "jobAddress"), NosanaJson.Text(body, "address"), NosanaJson.Text(root, "timestamp"), NosanaJson.Text(root, "nonce"));
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
