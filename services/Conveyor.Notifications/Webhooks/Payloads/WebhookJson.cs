using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conveyor.Notifications.Webhooks.Payloads;

/// <summary>Bodies use the API's spelling: snake_case fields, snake_case enum values, ISO 8601 UTC times.</summary>
public static class WebhookJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
