using System.Runtime.InteropServices;

namespace Conveyor.TestSupport;

/// <summary>Signals .NET does not send: <see cref="System.Diagnostics.Process.Kill()"/> only knows SIGKILL.</summary>
internal static class Signals
{
    const int SigTerm = 15;

    public static void Terminate(int pid) => kill(pid, SigTerm);

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);
}
