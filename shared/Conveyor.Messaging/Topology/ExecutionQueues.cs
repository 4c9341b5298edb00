using Conveyor.Contracts.Jobs;

namespace Conveyor.Messaging.Topology;

/// <summary>
/// The queues work waits in: one durable classic queue per executor pool with <c>x-max-priority</c> 3, so that
/// foreground (3) is delivered before background (2) before best_effort (1), first in first out within a tier.
/// Senders address the pool's exchange, never <c>queue:</c>, which would redeclare the queue without its priority argument.
/// </summary>
public static class ExecutionQueues
{
    public const string DefaultPool = "cpu";
    public const byte MaxPriority = 3;

    public static IReadOnlyList<string> Pools { get; } = ["cpu", "gpu"];

    public static string QueueName(string pool) => $"execute-job-{pool}";

    /// <summary>Where data jobs wait for the polling nodes that claim them (no queue executor serves it).</summary>
    public const string NodePool = "nodes";

    /// <summary>The pool of jobs that run outside Conveyor and are only recorded here; nothing is ever queued to it.</summary>
    public const string ExternalPool = "external";

    public static string PoolFor(JobDefinition job) =>
        job.Kind == JobKind.Data ? NodePool : job.Resources.Gpu > 0 ? "gpu" : DefaultPool;

    public static Uri Address(string pool) => new($"exchange:{QueueName(pool)}");

    public static byte PriorityOf(JobPriority priority) => (byte)priority;
}
