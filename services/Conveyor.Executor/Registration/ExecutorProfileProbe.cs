using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Conveyor.Contracts.Executors;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Registration;

/// <summary>Describes this executor: the machine (host, OS, CPU, memory, GPUs), what it runs, and which build it is.</summary>
public sealed class ExecutorProfileProbe(ExecutorCapabilities capabilities, IOptions<ExecutorOptions> options)
{
    readonly Lazy<string> runnerSha256 = new(HashRunner);

    public ExecutorProfile Read()
    {
        var executor = options.Value;
        return new ExecutorProfile
        {
            Hostname = Environment.MachineName,
            Address = ExecutorAddress.Resolve(executor),
            Os = $"{RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})",
            CpuModel = CpuModel(),
            Cores = Environment.ProcessorCount,
            MemoryMb = MemoryMb(),
            Gpus = capabilities.Gpus,
            Runtimes = capabilities.Runtimes,
            Pool = executor.Pool,
            Slots = executor.Slots,
            Labels = executor.Labels,
            RunnerSha256 = runnerSha256.Value,
            Version = typeof(ExecutorProfileProbe).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "",
        };
    }

    static string HashRunner()
    {
        using var runner = File.OpenRead(typeof(ExecutorProfileProbe).Assembly.Location);
        return Convert.ToHexStringLower(SHA256.HashData(runner));
    }

    static string CpuModel() => ProcField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();

    // MemTotal is in kB; elsewhere the runtime's view of available memory stands in.
    static long MemoryMb() =>
        ProcField("/proc/meminfo", "MemTotal") is { } total && long.TryParse(total.Split(' ')[0], out var kb)
            ? kb / 1024
            : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024);

    static string? ProcField(string path, string name)
    {
        if (!File.Exists(path))
            return null;
        return File.ReadLines(path)
            .Where(line => line.StartsWith(name, StringComparison.Ordinal) && line.Contains(':'))
            .Select(line => line[(line.IndexOf(':') + 1)..].Trim())
            .FirstOrDefault();
    }
}
