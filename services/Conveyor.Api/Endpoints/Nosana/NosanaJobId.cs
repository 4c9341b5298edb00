using System.Security.Cryptography;
using System.Text;

namespace Conveyor.Api.Endpoints.Nosana;

/// <summary>
/// A Nosana job id (a Solana address, or any string a client picks) as a Conveyor job id: the same name-based UUID
/// every time, so <c>GET /job-definition/:id</c> finds what <c>POST</c> stored and a second POST finds it taken.
/// </summary>
public static class NosanaJobId
{
    public const int MaxLength = 128;

    public static bool IsValid(string id) => id.Length is > 0 and <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public static Guid ToJobId(string id)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("nosana:" + id));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: a name-based UUID of our own derivation
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
