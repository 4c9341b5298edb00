using System.Text.Json;
using Conveyor.Api.Http;
using Conveyor.Api.Subscriptions;
using Conveyor.Persistence.Webhooks;
using Conveyor.Webhooks;

namespace Conveyor.Api.Endpoints.V1.Subscriptions;

/// <summary>
/// Reads a subscription from JSON by hand so that every mistake gets a 400 naming its field. The URL must pass the
/// target policy: http or https, and no loopback or private-range address unless configuration allows it.
/// </summary>
public static class SubscriptionParser
{
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 256;
    const int MaxFilterLength = 200;

    public static bool TryParse(JsonElement body, WebhookTargetOptions targets, out SubscriptionRequest request, out IResult error)
    {
        request = null!;
        error = null!;
        if (body.ValueKind != JsonValueKind.Object)
            return Refuse(out error, "the subscription must be a JSON object", "body");

        if (!body.TryGetProperty("url", out var urlElement) || urlElement.ValueKind != JsonValueKind.String)
            return Refuse(out error, "url is required and must be a string", "url");
        var url = urlElement.GetString()!;
        if (WebhookTargetPolicy.Refusal(url, targets) is { } refusal)
            return Refuse(out error, refusal, "url");

        if (!TryEvents(body, out var events, out error)) return false;
        if (!TryOptional(body, "job_type", 1, MaxFilterLength, out var jobType, out error)) return false;
        if (jobType is not null && jobType.Any(char.IsWhiteSpace))
            return Refuse(out error, "job_type must contain no spaces", "job_type");
        if (!TryOptional(body, "priority", 1, 32, out var priorityText, out error)) return false;
        var priority = default(Contracts.Jobs.JobPriority);
        if (priorityText is not null && !JobPriorityNames.TryParse(priorityText, out priority))
            return Refuse(out error, "priority must be one of foreground, background, best_effort", "priority");
        if (!TryOptional(body, "owner", 1, MaxFilterLength, out var owner, out error)) return false;
        if (!TryOptional(body, "secret", MinSecretLength, MaxSecretLength, out var secret, out error)) return false;

        request = new SubscriptionRequest
        {
            Url = url,
            Events = events,
            JobType = jobType,
            Priority = priorityText is null ? null : priority,
            Owner = owner,
            Secret = secret,
        };
        return true;
    }

    static bool TryEvents(JsonElement body, out List<string> events, out IResult error)
    {
        events = [];
        error = null!;
        if (!body.TryGetProperty("events", out var element) || element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
            return Refuse(out error, "events is required: a non-empty array of event names", "events");
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !WebhookEvents.All.Contains(item.GetString()))
                return Refuse(out error, $"events must name only {string.Join(", ", WebhookEvents.All)}", "events");
            events.Add(item.GetString()!);
        }
        events = events.Distinct().ToList();
        return true;
    }

    static bool TryOptional(JsonElement body, string field, int minLength, int maxLength, out string? value, out IResult error)
    {
        value = null;
        error = null!;
        if (!body.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
            return true;
        if (element.ValueKind != JsonValueKind.String || element.GetString()!.Length is var length && (length < minLength || length > maxLength))
            return Refuse(out error, $"{field} must be a string of {minLength} to {maxLength} characters", field);
        value = element.GetString();
        return true;
    }

    static bool Refuse(out IResult error, string message, string field)
    {
        error = ApiError.BadRequest(message, field);
        return false;
    }
}
