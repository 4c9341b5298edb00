using System.Diagnostics;

namespace Conveyor.TestSupport;

/// <summary>Asks the local Docker engine (through its CLI) what the tests need to see for themselves.</summary>
public static class LocalDocker
{
    /// <summary>Ids of the containers, running or not, that carry <paramref name="label"/> (<c>key=value</c>).</summary>
    public static async Task<IReadOnlyList<string>> ContainersLabelled(string label, bool runningOnly = false)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "ps", "--all", "--quiet", "--filter", $"label={label}" })
            start.ArgumentList.Add(argument);
        if (runningOnly)
            start.ArgumentList.Add("--filter=status=running");
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"docker ps failed: {error}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Waits until a container with the label is running; its id.</summary>
    public static async Task<string> WaitForContainer(string label, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if ((await ContainersLabelled(label, runningOnly: true)).FirstOrDefault() is { } id)
                return id;
            await Task.Delay(100);
        }
        throw new TimeoutException($"no container labelled {label} appeared");
    }
}
