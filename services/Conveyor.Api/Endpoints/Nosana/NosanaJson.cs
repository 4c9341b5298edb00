using System.Text.Json;

namespace Conveyor.Api.Endpoints.Nosana;

/// <summary>The small JSON readers a job definition's parts share; each failure sets a reason for the 400.</summary>
public static class NosanaJson
{
    public static string? Unknown(JsonElement element, string[] known) =>
        element.EnumerateObject().Select(p => p.Name).FirstOrDefault(name => !known.Contains(name));

    public static string? Text(JsonElement element, string field) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static bool TryCommand(JsonElement element, string field, out List<string>? command, out string error)
    {
        command = null;
        error = "";
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            return true;
        if (value.ValueKind == JsonValueKind.String)
        {
            command = [value.GetString()!];
            return true;
        }
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
            return Fail(out error, $"{field} must be a string or an array of strings");
        command = [.. value.EnumerateArray().Select(v => v.GetString()!)];
        return true;
    }

    public static bool TryEnv(JsonElement element, string where, out Dictionary<string, string> env, out string error)
    {
        env = [];
        error = "";
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("env", out var value) || value.ValueKind == JsonValueKind.Null)
            return true;
        if (value.ValueKind != JsonValueKind.Object || value.EnumerateObject().Any(v => v.Value.ValueKind != JsonValueKind.String || v.Name.Length == 0 || v.Name.Contains('=')))
            return Fail(out error, $"{where} must be an object of string values");
        foreach (var variable in value.EnumerateObject())
            env[variable.Name] = variable.Value.GetString()!;
        return true;
    }

    public static bool TryBool(JsonElement element, string field, out bool? flag, out string error)
    {
        flag = null;
        error = "";
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            return true;
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            return Fail(out error, $"{field} must be true or false");
        flag = value.GetBoolean();
        return true;
    }

    public static bool Fail(out string error, string reason)
    {
        error = reason;
        return false;
    }
}
