using System.ComponentModel.DataAnnotations;

namespace Conveyor.Executor.Runtimes.Process;

/// <summary>
/// Section <c>Executor:Process</c>: how binaries are confined. <c>conveyor-launch</c>, built and shipped with the executor,
/// does both in one exec; without it, the two util-linux wrappers do, and a missing one is skipped with a warning.
/// </summary>
public sealed class ProcessRuntimeOptions
{
    public const string Section = "Executor:Process";

    /// <summary>Starts each binary in a session of its own (<c>setsid</c>), so that timeout, cancel and exit kill every process it started.</summary>
    public bool IsolateSession { get; set; } = true;

    /// <summary>Applies rlimits (<c>prlimit</c>): open files, file size, no core dumps, and the job's <c>resources.memory_mb</c> as RLIMIT_DATA.</summary>
    public bool ApplyResourceLimits { get; set; } = true;

    /// <summary>The session-and-limits launcher; used when both of the above are on and it exists.</summary>
    [Required] public string LauncherPath { get; set; } = Path.Combine(AppContext.BaseDirectory, "conveyor-launch");

    [Required] public string SetsidPath { get; set; } = "/usr/bin/setsid";

    [Required] public string PrlimitPath { get; set; } = "/usr/bin/prlimit";

    [Range(16, 1 << 20)] public int MaxOpenFiles { get; set; } = 4096;

    /// <summary>Largest file a job may write (RLIMIT_FSIZE), in MiB.</summary>
    [Range(1, 1L << 30)] public long MaxFileSizeMb { get; set; } = 10 * 1024;
}
