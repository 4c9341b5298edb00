using Conveyor.TestSupport;

namespace Conveyor.CrashTests;

/// <summary>One fault, injected once about half of the batch has been accepted.</summary>
public sealed record CrashScenario(string Name, Func<ConveyorStack, Task> Fault, IReadOnlyDictionary<string, string>? Settings = null);
