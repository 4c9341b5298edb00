using System.Diagnostics;
using Conveyor.TestSupport;

namespace Conveyor.CrashTests;

/// <summary>The faults the suite injects: real kills and real restarts of the real parts.</summary>
public static class Faults
{
    public static async Task KillAndRestart(ConveyorStack stack, string service) =>
        await stack.Restart(stack.Running(service)[0]);

    public static async Task KillAndReplace(ConveyorStack stack, string service)
    {
        stack.Running(service)[0].Kill();
        await stack.StartAnother(service);
    }

    /// <summary>Stops and starts the RabbitMQ application: every connection drops, unacknowledged deliveries return to their queues.</summary>
    public static async Task RestartRabbitMq()
    {
        await Run("rabbitmqctl", "stop_app");
        await Run("rabbitmqctl", "start_app");
        await Run("rabbitmqctl", "await_startup");
    }

    public static async Task RestartPostgres()
    {
        var clusters = await Run("pg_lsclusters", "--no-header");
        var fields = clusters.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        await Run("pg_ctlcluster", $"{fields[0]} {fields[1]} restart -m fast");
    }

    /// <summary>
    /// kill -9 of the cluster node that leads <paramref name="queue"/> (infra/scripts/rabbitmq-cluster.sh), left down:
    /// its connections drop, and the queues it led elect a leader on another node.
    /// </summary>
    public static async Task KillClusterNodeLeading(ConveyorStack stack, string queue)
    {
        var leader = await stack.VirtualHost.LeaderOf(queue);
        await RabbitMqClusterScript.Kill(TestBroker.NodeNumber(leader));
    }

    static async Task<string> Run(string command, string arguments)
    {
        var start = new ProcessStartInfo(command, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") + ":/usr/sbin:/sbin";
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{command} {arguments} failed ({process.ExitCode}): {error}");
        return output;
    }
}
