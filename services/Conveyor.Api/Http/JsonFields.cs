using System.Text.Json;

namespace Conveyor.Api.Http;

/// <summary>
/// Reading one field of a JSON body, for every request parser of every surface: each wrong type is a 400 in the error
/// shape naming its field. The bottom of the parsing layer; it calls nothing above it.
/// </summary>
public static class JsonFields
{
    public static bool TryOptionalString(JsonElement body, string field, out string? value, out IResult error)
    {
        value = null;
        error = null!;
        if (!body.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
            return true;
        if (element.ValueKind != JsonValueKind.String)
            return Fail(out error, ApiError.BadRequest($"{field} must be a string", field));
        value = element.GetString();
        return true;
    }

    /// <summary>An array of strings; null when the field is absent.</summary>
    public static bool TryStrings(JsonElement body, string field, out List<string>? values, out IResult error)
    {
        values = null;
        error = null!;
        if (!body.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
            return true;
        if (element.ValueKind != JsonValueKind.Array || element.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String))
            return Fail(out error, ApiError.BadRequest($"{field} must be an array of strings", field));
        values = element.EnumerateArray().Select(a => a.GetString()!).ToList();
        return true;
    }

    public static bool Absent(JsonElement body, string field) =>
        !body.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null;

    /// <summary>Places an error found inside a nested object (a pipeline step) at its path: <c>steps[1].binary_url</c>.</summary>
    public static IResult Nested(IResult error, string path)
    {
        if (error is not IValueHttpResult<ApiError> { Value: { } inner })
            return error;
        var field = inner.Context.TryGetValue("field", out var value) && value is string { Length: > 0 } name ? $"{path}.{name}" : path;
        return ApiError.BadRequest($"{path}: {inner.Error}", field);
    }

    public static bool TryString(JsonElement body, string field, out string value, out IResult error)
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

    public static bool TryArguments(JsonElement body, out List<string> arguments, out IResult error)
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

    public static bool TryEnvironment(JsonElement body, out Dictionary<string, string> environment, out IResult error)
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

    public static bool TryInteger(JsonElement body, string field, long min, long max, out int? value, out IResult error)
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

    public static bool TryBoolean(JsonElement body, string field, out bool value, out IResult error)
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

    public static bool Fail(out IResult error, IResult result)
    {
        error = result;
        return false;
    }
}
