using Conveyor.TestSupport;

namespace Conveyor.Executor.Tests;

/// <summary>Whether the processes whose ids a job wrote to a file are still alive.</summary>
public static class ProcessAssert
{
    public static async Task AllDead(string pidFile)
    {
        Assert.NotEmpty(File.ReadAllLines(pidFile));
        Assert.Empty(await ProcessProbe.Survivors(pidFile));
    }

    public static async Task WaitForLines(string path, int count)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (File.Exists(path) && File.ReadAllLines(path).Count(line => line.Length > 0) >= count)
                return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"{path} did not get {count} lines");
    }
}
