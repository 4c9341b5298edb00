using System.Security.Cryptography;
using System.Text;

namespace Conveyor.Api.Submissions;

/// <summary>
/// A job id derived from a name: the same UUID every time, so that a second submission of the same thing (a Nosana
/// job id posted again, a failed job retried twice) names the same job, which the saga answers as it stands.
/// </summary>
public static class DerivedJobId
{
    public static Guid Of(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: a name-based UUID of our own derivation
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
