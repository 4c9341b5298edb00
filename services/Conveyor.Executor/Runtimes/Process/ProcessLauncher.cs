using System.Diagnostics;
using System.Globalization;
using Conveyor.Contracts.Jobs;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Runtimes.Process;

/// <summary>
/// Builds the command line of a binary: a session of its own and rlimits, set by <c>conveyor-launch</c> in one exec, or
/// else by util-linux's <c>setsid</c> and <c>prlimit</c> in front of it. Each execs the next without a shell, so the
/// job's arguments reach it exactly as given. The two util-linux wrappers are dynamically linked: loading them cost
/// more CPU than a trivial job itself (500 starts of /bin/true here: 1.0 ms of CPU each alone, 3.3-4.0 ms behind both
/// wrappers, 1.7-1.9 ms behind the static launcher).
/// </summary>
public sealed class ProcessLauncher
{
    readonly ProcessRuntimeOptions options;
    readonly bool isolate;
    readonly bool limit;
    readonly bool launch;

    public ProcessLauncher(IOptions<ProcessRuntimeOptions> options, ILogger<ProcessLauncher> logger)
    {
        this.options = options.Value;
        // Both at once, or not at all: the launcher always starts a session, and that is all a session needs from it.
        launch = this.options.IsolateSession && this.options.ApplyResourceLimits && OperatingSystem.IsLinux() && File.Exists(this.options.LauncherPath);
        isolate = launch || Available(this.options.IsolateSession, this.options.SetsidPath, "session isolation", logger);
        limit = launch || Available(this.options.ApplyResourceLimits, this.options.PrlimitPath, "resource limits", logger);
        if (!launch && this.options.IsolateSession && this.options.ApplyResourceLimits)
            logger.LogInformation("{Launcher} not found: binaries start through setsid and prlimit", this.options.LauncherPath);
    }

    /// <summary>True when the binary leads its own session, whose id is then its process id.</summary>
    public bool IsolatesSession => isolate;

    public ProcessStartInfo StartInfo(string binaryPath, IReadOnlyList<string> arguments, JobResources resources, string workDirectory)
    {
        var command = new List<string>();
        if (launch)
            command.AddRange([options.LauncherPath, .. Limits(resources), "--"]);
        else
        {
            if (isolate)
                command.AddRange([options.SetsidPath, "--"]);
            if (limit)
                command.AddRange([options.PrlimitPath, .. Limits(resources), "--"]);
        }
        command.Add(binaryPath);
        command.AddRange(arguments);

        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
            start.ArgumentList.Add(argument);
        return start;
    }

    IEnumerable<string> Limits(JobResources resources)
    {
        yield return Limit("nofile", options.MaxOpenFiles);
        yield return Limit("fsize", options.MaxFileSizeMb * 1024 * 1024);
        yield return Limit("core", 0);
        if (resources.MemoryMb is { } memory)
            yield return Limit("data", memory * 1024 * 1024);
    }

    static string Limit(string resource, long value) => string.Create(CultureInfo.InvariantCulture, $"--{resource}={value}");

    static bool Available(bool wanted, string path, string feature, ILogger logger)
    {
        if (!wanted)
            return false;
        if (OperatingSystem.IsLinux() && File.Exists(path))
            return true;
        logger.LogWarning("{Tool} not found at {Path}: binaries run without {Feature}", Path.GetFileName(path), path, feature);
        return false;
    }
}
