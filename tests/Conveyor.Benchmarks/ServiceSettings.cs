namespace Conveyor.Benchmarks;

/// <summary>Reads <c>--env</c>: <c>Service:Name=Value</c> items separated by <c>;</c>, where the service <c>*</c> means all four.</summary>
public static class ServiceSettings
{
    static readonly string[] Services = ["Conveyor.Api", "Conveyor.Scheduler", "Conveyor.Executor", "Conveyor.Notifications"];

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Parse(string text)
    {
        var settings = Services.ToDictionary(s => s, _ => new Dictionary<string, string>());
        foreach (var item in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (service, assignment) = (item[..item.IndexOf(':')], item[(item.IndexOf(':') + 1)..]);
            var (name, value) = (assignment[..assignment.IndexOf('=')], assignment[(assignment.IndexOf('=') + 1)..]);
            foreach (var target in service == "*" ? Services : [service])
                settings[target][name] = value;
        }
        return settings.ToDictionary(s => s.Key, s => (IReadOnlyDictionary<string, string>)s.Value);
    }
}
