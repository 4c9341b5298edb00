using System.Text;
using System.Text.Json;

namespace Conveyor.Executor.Attempts;

/// <summary>Whether a step's stdout is exactly one JSON value (surrounding whitespace allowed).</summary>
public static class JsonOutput
{
    public static bool IsJson(string stdout)
    {
        if (string.IsNullOrWhiteSpace(stdout))
            return false;
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(stdout));
            reader.Read();
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
