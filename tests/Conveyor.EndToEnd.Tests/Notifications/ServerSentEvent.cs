using System.Text.Json.Nodes;

namespace Conveyor.EndToEnd.Tests.Notifications;

public sealed record ServerSentEvent(string Name, JsonNode Data);
