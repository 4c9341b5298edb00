using System.Diagnostics;
using System.Globalization;
using Conveyor.Contracts.Jobs;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Runtimes.Process;

/// <summary>
/// Builds the command line of a binary: optionally <c>setsid</c> (a session of its own) and <c>prlimit</c> (rlimits) in
/// front of it, each of which execs the next without a shell, so the job's arguments reach it exactly as given.
/// </summary>
public sealed class ProcessLauncher
{
    readonly ProcessRuntimeOptions options;
    readonly bool isolate;
    readonly bool limit;

    public ProcessLauncher(IOptions<ProcessRuntimeOptions> options, ILogger<ProcessLauncher> logger)
    {
        this.options = options.Value;
        isolate = Available(this.options.IsolateSession, this.options.SetsidPath, "session isolation", logger);
        limit = Available(this.options.ApplyResourceLimits, this.options.PrlimitPath, "resource limits", logger);
    }

    /// <summary>True when the binary leads its own session, whose id is then its process id.</summary>
    public bool IsolatesSession => isolate;

    public ProcessStartInfo StartInfo(string binaryPath, IReadOnlyList<string> arguments, JobResources resources, string workDirectory)
    {
        var command = new List<string>();
        if (isolate)
            command.AddRange([options.SetsidPath, "--"]);
        if (limit)
            command.AddRange([options.PrlimitPath, .. Limits(resources), "--"]);
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
