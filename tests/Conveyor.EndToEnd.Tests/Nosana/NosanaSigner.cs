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

    public void Dispose() => key.Dispose();
}
