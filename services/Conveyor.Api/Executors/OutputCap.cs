namespace Conveyor.Api.Executors;

/// <summary>
/// Seed 003 keeps stdout and stderr up to 1 MiB each. What a polling executor sends beyond that keeps its first and
/// last half and says how much was cut, as the queue executors' own capture does.
/// </summary>
public static class OutputCap
{
    public const int MaxChars = 1024 * 1024;

    public static string Apply(string output)
    {
        if (output.Length <= MaxChars)
            return output;
        var half = MaxChars / 2;
        var cut = output.Length - 2 * half;
        return string.Concat(output.AsSpan(0, half), $"\n[... {cut} characters truncated ...]\n", output.AsSpan(output.Length - half));
    }
}
