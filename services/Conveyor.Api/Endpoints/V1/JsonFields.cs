using System.Text.Json;
using Conveyor.Api.Http;

namespace Conveyor.Api.Endpoints.V1;

/// <summary>Optional fields of container and pipeline jobs; each wrong type is a 400 naming its field.</summary>
public static class JsonFields
{
    public static bool TryOptionalString(JsonElement body, string field, out string? value, out IResult error)
    {
        value = null;
        error = null!;
        if (!body.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
            return true;
        if (element.ValueKind != JsonValueKind.String)
            return JobDefinitionParser.Fail(out error, ApiError.BadRequest($"{field} must be a string", field));
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
            return JobDefinitionParser.Fail(out error, ApiError.BadRequest($"{field} must be an array of strings", field));
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
}
