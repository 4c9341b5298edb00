using System.Text;
using NSec.Cryptography;
using SimpleBase;

namespace Conveyor.Api.Endpoints.Nosana;

/// <summary>
/// Nosana's <c>Authorization: &lt;PublicKey&gt;:&lt;Base64Signature&gt;</c>: a base58 Solana address (a 32-byte ed25519
/// public key) and a 64-byte ed25519 signature, base64, over the UTF-8 bytes of the node's sign message. Every way a
/// header can be wrong ends in one of three plain answers, never an exception.
/// </summary>
public static class NosanaSignature
{
    public const string Missing = "Authorization header is required";
    public const string BadFormat = "Invalid Authorization format";
    public const string Invalid = "Invalid signature";

    /// <returns>Null and the signer's address when the header is valid; otherwise the status and the error.</returns>
    public static (int Status, string Error)? Check(string? header, string signMessage, out string address)
    {
        address = "";
        if (string.IsNullOrEmpty(header))
            return (StatusCodes.Status401Unauthorized, Missing);
        var parts = header.Split(':');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            return (StatusCodes.Status400BadRequest, BadFormat);
        if (!Verifies(parts[0], parts[1], Encoding.UTF8.GetBytes(signMessage)))
            return (StatusCodes.Status403Forbidden, Invalid);
        address = parts[0];
        return null;
    }

    public static bool Verifies(string publicKey, string base64Signature, ReadOnlySpan<byte> message)
    {
        if (!TryDecodeKey(publicKey, out var key))
            return false;
        var signature = new byte[64];
        if (!Convert.TryFromBase64String(base64Signature, signature, out var length) || length != 64)
            return false;
        if (!PublicKey.TryImport(SignatureAlgorithm.Ed25519, key, KeyBlobFormat.RawPublicKey, out var imported) || imported is null)
            return false;
        return SignatureAlgorithm.Ed25519.Verify(imported, message, signature);
    }

    static bool TryDecodeKey(string address, out byte[] key)
    {
        key = [];
        if (address.Length is < 32 or > 44)
            return false;
        try
        {
            key = Base58.Bitcoin.Decode(address);
            return key.Length == 32;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            return false;
        }
    }
}
