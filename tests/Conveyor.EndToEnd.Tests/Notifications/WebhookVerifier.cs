using System.Security.Cryptography;
using System.Text;

namespace Conveyor.EndToEnd.Tests.Notifications;

/// <summary>The receiver-side check exactly as the README shows it, so that the documented procedure is what is tested.</summary>
public static class WebhookVerifier
{
    public static bool IsAuthentic(string secret, string timestamp, string signature, string body, TimeSpan tolerance)
    {
        if (!long.TryParse(timestamp, out var seconds)
            || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds)
            return false; // too old (or from the future): a replay

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        var given = signature.StartsWith("v1=", StringComparison.Ordinal) ? signature[3..] : "";
        return given.Length == expected.Length * 2
            && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(given), expected);
    }
}
