using System.Runtime.InteropServices;

namespace Conveyor.Executor.Runtimes.Process;

/// <summary>The one system call .NET does not expose: a signal to a whole process group.</summary>
internal static class Libc
{
    public const int SigKill = 9;

    // DllImport rather than LibraryImport: the generated stub needs unsafe code, and two ints need no marshalling.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static extern int Kill(int pid, int signal);
}
