namespace Conveyor.TestSupport;

/// <summary>Whether processes a job started are still alive, read from /proc.</summary>
public static class ProcessProbe
{
    /// <summary>The process ids listed in <paramref name="pidFile"/> (one a line) that are still alive after a short grace for SIGKILL to land.</summary>
    public static async Task<IReadOnlyList<int>> Survivors(string pidFile)
    {
        var pids = File.ReadAllLines(pidFile).Where(line => line.Length > 0).Select(int.Parse).ToList();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(5);
        while (pids.Any(IsAlive) && DateTimeOffset.UtcNow < deadline)
            await Task.Delay(50);
        return pids.Where(IsAlive).ToList();
    }

    // A killed process reparented to an init that does not reap stays a zombie: dead all the same.
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
