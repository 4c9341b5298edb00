namespace Conveyor.CrashTests;

/// <summary>One fault, injected once about half of the batch has been accepted, on the topology the scenario runs on.</summary>
public sealed record CrashScenario(string Name, Func<ScenarioTopology, Task> Fault, IReadOnlyDictionary<string, string>? Settings = null);
