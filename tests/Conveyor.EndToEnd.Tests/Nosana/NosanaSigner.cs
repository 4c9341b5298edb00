using System.Net;
using System.Text;
using NSec.Cryptography;
using SimpleBase;

namespace Conveyor.EndToEnd.Tests.Nosana;

/// <summary>A Nosana client's key: it signs the node's message and sends <c>Authorization: address:signature</c>.</summary>
public sealed class NosanaSigner : IDisposable
{
    public const string SignMessage = "Hello Nosana Node!";
    readonly Key key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });

    public string Address => Base58.Bitcoin.Encode(key.PublicKey.Export(KeyBlobFormat.RawPublicKey));

    public string Header(string message = SignMessage) =>
        $"{Address}:{Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(key, Encoding.UTF8.GetBytes(message)))}";

    public async Task<(HttpStatusCode Status, string Body)> Send(HttpClient http, HttpMethod method, string path, string? body = null,
        string? header = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        request.Headers.TryAddWithoutValidation("Authorization", header ?? Header());
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The strict mode's headers for one request: the signature over its canonical string, its time and nonce.</summary>
    public Dictionary<string, string> StrictHeaders(string method, string path, string body, string nonce)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString();
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body)));
        var canonical = $"{method}\n{path}\n{hash}\n{timestamp}\n{nonce}";
        return new Dictionary<string, string>
        {
            ["Authorization"] = Header(canonical),
            ["X-Nosana-Timestamp"] = timestamp,
            ["X-Nosana-Nonce"] = nonce,
        };
    }

    public void Dispose() => key.Dispose();
}
