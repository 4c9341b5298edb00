namespace Conveyor.EndToEnd.Tests.Scheduling;

/// <summary>
/// Files that hold gated jobs running until the test opens them, so that "this slot is busy" lasts exactly as long as a
/// test needs and never depends on timing.
/// </summary>
public sealed class Gates : IDisposable
{
    readonly string directory = Directory.CreateTempSubdirectory("conveyor-gates-").FullName;

    public string NewGate() => Path.Combine(directory, Guid.NewGuid().ToString("N"));

    public static void Open(string gate) => File.WriteAllText(gate, "open");

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
