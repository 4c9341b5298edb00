using System.Text;

namespace Conveyor.Api.Endpoints.Nosana;

/// <summary>
/// Who signed a Nosana request: the seed's scheme (a signature over the configured message) or, in strict mode, a
/// signature over the request itself. A WebSocket message is checked the same way, its <c>header</c> standing for the
/// Authorization header; in strict mode it signs <c>WS</c>, its path, its <c>body</c> as sent, and carries
/// <c>timestamp</c> and <c>nonce</c> beside them.
/// </summary>
public sealed class NosanaAuthorization(NosanaStrictSignature strict)
{
    const string SignerKey = "nosana.signer";

    /// <summary>The signer's address as checked by <see cref="Check(HttpContext, NosanaOptions)"/>.</summary>
    public static string Signer(HttpContext context) => (string)context.Items[SignerKey]!;

    /// <returns>Null when the request is signed (its signer kept for <see cref="Signer"/>); otherwise the plain-text refusal.</returns>
    public async Task<IResult?> Check(HttpContext context, NosanaOptions options)
    {
        var request = context.Request;
        var header = request.Headers.Authorization.ToString();
        string address;
        (int Status, string Error)? failure;
        if (options.Strict)
        {
            // The body is signed, so it is read here and left for the endpoint to read again.
            request.EnableBuffering();
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            request.Body.Position = 0;
            failure = strict.Check(header, request.Method, request.Path.Value ?? "", buffer.ToArray(),
                request.Headers[NosanaStrictSignature.TimestampHeader], request.Headers[NosanaStrictSignature.NonceHeader],
                options.MaxClockSkew, out address);
        }
        else
            failure = NosanaSignature.Check(header, options.SignMessage, out address);
        if (failure is { } refused)
            return NosanaText.Of(refused.Status, refused.Error);
        context.Items[SignerKey] = address;
        return null;
    }

    /// <returns>Null and the signer when a WebSocket message is signed; otherwise the error to send back.</returns>
    public string? Check(NosanaSocketMessage message, NosanaOptions options, out string address)
    {
        var failure = options.Strict
            ? strict.Check(message.Header, "WS", message.Path, Encoding.UTF8.GetBytes(message.RawBody), message.Timestamp, message.Nonce,
                options.MaxClockSkew, out address)
            : NosanaSignature.Check(message.Header, options.SignMessage, out address);
        return failure?.Error;
    }
}
