using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Conveyor.Api.Endpoints.Nosana;

/// <summary>
/// The strict mode's signature: the same <c>Authorization: &lt;PublicKey&gt;:&lt;Base64Signature&gt;</c> header, over
/// the canonical string
/// <code>
/// METHOD \n PATH \n hex(sha256(body)) \n TIMESTAMP \n NONCE
/// </code>
/// (no spaces; <c>PATH</c> as sent, without the query; the body's bytes as sent, empty for none), with the timestamp in
/// epoch milliseconds in <c>X-Nosana-Timestamp</c> and the nonce (1 to 128 characters) in <c>X-Nosana-Nonce</c>. A
/// timestamp outside the skew window, or a nonce already used within it, is an invalid signature. Nonces are kept in
/// this API instance's memory: behind several instances, a replay to another instance is caught only by the window.
/// </summary>
public sealed class NosanaStrictSignature(TimeProvider clock)
{
    public const string TimestampHeader = "X-Nosana-Timestamp";
    public const string NonceHeader = "X-Nosana-Nonce";

    readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);

    public static string Canonical(string method, string path, ReadOnlySpan<byte> body, string timestamp, string nonce) =>
        $"{method.ToUpperInvariant()}\n{path}\n{Convert.ToHexStringLower(SHA256.HashData(body))}\n{timestamp}\n{nonce}";

    /// <returns>Null and the signer's address when the request is signed as the strict mode asks; otherwise why not.</returns>
    public (int Status, string Error)? Check(string? header, string method, string path, ReadOnlySpan<byte> body, string? timestamp,
        string? nonce, TimeSpan skew, out string address)
    {
        address = "";
        if (string.IsNullOrEmpty(header))
            return (StatusCodes.Status401Unauthorized, NosanaSignature.Missing);
        var parts = header.Split(':');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0 || string.IsNullOrEmpty(timestamp)
            || string.IsNullOrEmpty(nonce) || nonce.Length > 128 || !long.TryParse(timestamp, out var millis))
            return (StatusCodes.Status400BadRequest, NosanaSignature.BadFormat);
        var now = clock.GetUtcNow();
        var at = millis is > 0 and < 253402300800000 ? DateTimeOffset.FromUnixTimeMilliseconds(millis) : DateTimeOffset.MinValue;
        if ((now - at).Duration() > skew)
            return (StatusCodes.Status403Forbidden, NosanaSignature.Invalid);
        var message = Encoding.UTF8.GetBytes(Canonical(method, path, body, timestamp, nonce));
        if (!NosanaSignature.Verifies(parts[0], parts[1], message))
            return (StatusCodes.Status403Forbidden, NosanaSignature.Invalid);
        Forget(now - skew);
        // Recorded only once the signature holds, so nobody can burn another signer's nonces.
        if (!seen.TryAdd(parts[0] + "\n" + nonce, now))
            return (StatusCodes.Status403Forbidden, NosanaSignature.Invalid);
        address = parts[0];
        return null;
    }

    void Forget(DateTimeOffset before)
    {
        foreach (var (key, at) in seen)
        {
            if (at < before)
                seen.TryRemove(key, out _);
        }
    }
}
