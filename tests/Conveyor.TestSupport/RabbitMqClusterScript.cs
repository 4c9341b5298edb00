using System.Diagnostics;

namespace Conveyor.TestSupport;

/// <summary>
/// Runs infra/scripts/rabbitmq-cluster.sh: <c>start</c> brings up the three-node cluster of <see cref="TestBroker.Cluster"/>
/// (a no-op for nodes already up), <c>kill</c> crashes one node, <c>stop</c> removes it all, data included.
/// </summary>
public static class RabbitMqClusterScript
{
    static string Script => Path.Combine(TestInfrastructure.RepositoryRoot, "infra", "scripts", "rabbitmq-cluster.sh");

    public static Task Start() => Run("start");

    public static Task Stop() => Run("stop");

    /// <summary>kill -9 of node <paramref name="node"/> (1-3), left down.</summary>
    public static Task Kill(int node) => Run("kill", node.ToString(System.Globalization.CultureInfo.InvariantCulture));

    static async Task Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        var action = string.Join(' ', arguments);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmq-cluster.sh {action} failed ({process.ExitCode}): {await output}\n{await error}");
    }
}
