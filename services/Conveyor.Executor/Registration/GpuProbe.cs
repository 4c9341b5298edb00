using System.Diagnostics;
using System.Globalization;
using Conveyor.Contracts.Executors;

namespace Conveyor.Executor.Registration;

/// <summary>Reads the machine's NVIDIA GPUs from <c>nvidia-smi</c> when it is installed; none otherwise.</summary>
public static class GpuProbe
{
    static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public static async Task<IReadOnlyList<GpuInfo>> Read(CancellationToken cancellationToken)
    {
        var tool = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, "nvidia-smi"))
            .FirstOrDefault(File.Exists);
        if (tool is null)
            return [];

        try
        {
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "--query-gpu=name,memory.total", "--format=csv,noheader,nounits" })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Limit);
            var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode == 0 ? Parse(output) : [];
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or OperationCanceledException or IOException)
        {
            return [];
        }
    }

    // "NVIDIA A100-SXM4-40GB, 40960" per line.
    static List<GpuInfo> Parse(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(',', StringSplitOptions.TrimEntries))
            .Where(fields => fields.Length >= 2)
            .Select(fields => new GpuInfo(fields[0], long.TryParse(fields[1], CultureInfo.InvariantCulture, out var mb) ? mb : 0))
            .ToList();
}
