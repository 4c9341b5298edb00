using System.Text.Json;
using System.Text.RegularExpressions;
using Conveyor.Api.Http;
using Conveyor.Contracts.Jobs;

namespace Conveyor.Api.Endpoints.V1;

/// <summary>
/// Reads a seed-003 job from JSON by hand, so that every wrong type or missing field gets a 400 naming the field
/// (model binding would answer some of them with an empty 400 or a 500). Unknown fields are ignored.
/// </summary>
public static partial class JobDefinitionParser
{
    public const int MaxTypeLength = 200;
    public const int MaxTimeoutSeconds = 7 * 24 * 3600;
    public const int MaxAttemptsLimit = 20;

    public static bool TryParse(JsonElement body, out JobDefinition definition, out IResult error)
    {
        definition = null!;
        if (body.ValueKind != JsonValueKind.Object)
            return Fail(out error, ApiError.BadRequest("the job must be a JSON object", "body"));
        if (!JobKindParser.TryParse(body, out var kind, out error)) return false;

        if (!TryString(body, "type", out var type, out error)) return false;
        if (type.Length == 0 || type.Length > MaxTypeLength || type.Any(char.IsWhiteSpace))
            return Fail(out error, ApiError.BadRequest($"type must be 1 to {MaxTypeLength} characters with no spaces", "type"));

        string url = "", sha256 = "";
        if (kind == JobKind.Binary && !BinaryFieldsParser.TryParse(body, out url, out sha256, out error)) return false;

        if (!TryString(body, "priority", out var priorityText, out error)) return false;
        if (!JobPriorityNames.TryParse(priorityText, out var priority))
            return Fail(out error, ApiError.BadRequest("priority must be one of foreground, background, best_effort", "priority"));

        if (!TryArguments(body, out var arguments, out error)) return false;
        if (!TryEnvironment(body, out var environment, out error)) return false;
        if (!TryInteger(body, "timeout_seconds", 1, MaxTimeoutSeconds, out var timeout, out error)) return false;
        if (!TryInteger(body, "max_attempts", 1, MaxAttemptsLimit, out var maxAttempts, out error)) return false;
        if (!TryBoolean(body, "retry_on_failure", out var retryOnFailure, out error)) return false;
        if (!JobResourcesParser.TryParse(body, out var resources, out error)) return false;

        definition = new JobDefinition
        {
            Type = type,
            BinaryUrl = url,
            BinarySha256 = sha256.ToLowerInvariant(),
            Arguments = arguments,
            EnvVariables = environment,
            Priority = priority,
            Resources = resources,
            TimeoutSeconds = timeout,
            MaxAttempts = maxAttempts,
            RetryOnFailure = retryOnFailure,
        };
        return JobKindParser.TryComplete(body, kind, ref definition, out error);
    }

    internal static bool TryString(JsonElement body, string field, out string value, out IResult error)
    {
        value = "";
        if (!body.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
            return Fail(out error, ApiError.BadRequest($"{field} is required", field));
        if (element.ValueKind != JsonValueKind.String)
            return Fail(out error, ApiError.BadRequest($"{field} must be a string", field));
        value = element.GetString()!;
        error = null!;
        return true;
    }

    internal static bool TryArguments(JsonElement body, out List<string> arguments, out IResult error)
    {
        arguments = [];
        error = null!;
        if (!body.TryGetProperty("arguments", out var element) || element.ValueKind == JsonValueKind.Null)
            return true;
        if (element.ValueKind != JsonValueKind.Array || element.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String))
            return Fail(out error, ApiError.BadRequest("arguments must be an array of strings", "arguments"));
        arguments = element.EnumerateArray().Select(a => a.GetString()!).ToList();
        return true;
    }

    internal static bool TryEnvironment(JsonElement body, out Dictionary<string, string> environment, out IResult error)
    {
        environment = [];
        error = null!;
        if (!body.TryGetProperty("env_variables", out var element) || element.ValueKind == JsonValueKind.Null)
            return true;
        if (element.ValueKind != JsonValueKind.Object)
            return Fail(out error, ApiError.BadRequest("env_variables must be an object of string values", "env_variables"));
        foreach (var variable in element.EnumerateObject())
        {
            if (variable.Value.ValueKind != JsonValueKind.String)
                return Fail(out error, ApiError.BadRequest($"env_variables.{variable.Name} must be a string", "env_variables"));
            if (variable.Name.Length == 0 || variable.Name.Contains('=') || variable.Name.Contains('\0'))
                return Fail(out error, ApiError.BadRequest("env_variables names must be non-empty and contain no '='", "env_variables"));
            environment[variable.Name] = variable.Value.GetString()!;
        }
        return true;
    }

    internal static bool TryInteger(JsonElement body, string field, long min, long max, out int? value, out IResult error)
    {
        value = null;
        error = null!;
        if (!body.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
            return true;
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out var number) || number < min || number > max)
            return Fail(out error, ApiError.BadRequest($"{field} must be an integer from {min} to {max}", field));
        value = (int)number;
        return true;
    }

    static bool TryBoolean(JsonElement body, string field, out bool value, out IResult error)
    {
        value = false;
        error = null!;
        if (!body.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
            return true;
        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            return Fail(out error, ApiError.BadRequest($"{field} must be true or false", field));
        value = element.GetBoolean();
        return true;
    }

    internal static bool Fail(out IResult error, IResult result)
    {
        error = result;
        return false;
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    internal static partial Regex Sha256Pattern();
}
