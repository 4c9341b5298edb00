namespace Conveyor.TestSupport;

internal static class EnvironmentOverlay
{
    /// <summary>The variables of <paramref name="environment"/> with those of <paramref name="overrides"/> laid over them.</summary>
    public static Dictionary<string, string> Overlay(this Dictionary<string, string> environment, IReadOnlyDictionary<string, string>? overrides)
    {
        foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
            environment[name] = value;
        return environment;
    }
}
