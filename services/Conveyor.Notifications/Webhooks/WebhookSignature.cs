using System.Security.Cryptography;
using System.Text;

namespace Conveyor.Notifications.Webhooks;

/// <summary>
/// <c>Conveyor-Signature: v1=hex(HMAC-SHA256(secret, "{timestamp}.{body}"))</c>, with the timestamp (Unix seconds) in
/// <c>Conveyor-Timestamp</c>. Signing the timestamp with the body lets a receiver refuse replays of an old request.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "Conveyor-Signature";
    public const string TimestampHeader = "Conveyor-Timestamp";

    public static string Sign(string secret, long timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return "v1=" + Convert.ToHexStringLower(mac);
    }
}
