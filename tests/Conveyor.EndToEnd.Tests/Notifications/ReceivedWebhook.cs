using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests.Notifications;

/// <summary>One request the receiver got, with the raw body exactly as it arrived (a signature is over those bytes).</summary>
public sealed record ReceivedWebhook(DateTimeOffset At, IReadOnlyDictionary<string, string> Headers, string Body, int AnsweredWith)
{
    public JsonNode Json => JsonNode.Parse(Body)!;
    public string Event => (string)Json["event"]!;
    public Guid JobId => Json["job"]!["id"]!.GetValue<Guid>();
}
