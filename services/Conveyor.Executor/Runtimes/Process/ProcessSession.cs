using System.Globalization;

namespace Conveyor.Executor.Runtimes.Process;

/// <summary>
/// Kills everything a job started. A binary runs as the leader of its own session, so its session id is its process id;
/// every descendant stays in that session unless it deliberately starts a new one (setsid, a daemon), and is killed
/// with it whether or not its parent is still alive.
/// </summary>
internal static class ProcessSession
{
    /// <summary>SIGKILL to the session's process group; cheap, for the common case of a job that left nothing behind.</summary>
    public static void KillGroup(int sessionId)
    {
        if (OperatingSystem.IsLinux())
            Libc.Kill(-sessionId, Libc.SigKill);
    }

    /// <summary>SIGKILL to every process of the session, in any process group, found through /proc.</summary>
    public static void KillAll(int sessionId)
    {
        if (!OperatingSystem.IsLinux())
            return;
        KillGroup(sessionId);
        // A process forking while we scan may appear after it; a few passes catch the stragglers.
        for (var pass = 0; pass < 3; pass++)
        {
            var found = Members(sessionId).ToList();
            if (found.Count == 0)
                return;
            foreach (var pid in found)
                Libc.Kill(pid, Libc.SigKill);
        }
    }

    static IEnumerable<int> Members(int sessionId)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                continue;
            // Fields after the state: ppid, pgrp, session. A zombie is already dead and only waits to be reaped.
            if (StatFields(directory) is { Length: > 3 } fields && fields[0] != "Z"
                && int.TryParse(fields[3], CultureInfo.InvariantCulture, out var sid) && sid == sessionId)
                yield return pid;
        }
    }

    // /proc/<pid>/stat: "pid (comm) state ppid pgrp session ..."; comm may hold spaces and parentheses, so split after the last ')'.
    static string[]? StatFields(string directory)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(directory, "stat"));
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
