using System.Diagnostics;

namespace Conveyor.TestSupport;

/// <summary>
/// Runs infra/scripts/rabbitmq-cluster.sh: <c>start</c> brings up the three-node cluster of <see cref="TestBroker.Cluster"/>
/// (a no-op for nodes already up), <c>stop</c> removes it, data and all.
/// </summary>
public static class RabbitMqClusterScript
{
    static string Script => Path.Combine(TestInfrastructure.RepositoryRoot, "infra", "scripts", "rabbitmq-cluster.sh");

    public static Task Start() => Run("start");

    public static Task Stop() => Run("stop");

    static async Task Run(string action)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(action);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmq-cluster.sh {action} failed ({process.ExitCode}): {await output}\n{await error}");
    }
}
