using MassTransit;

namespace Conveyor.Messaging.Topology;

/// <summary>
/// Which queues become quorum queues when <see cref="RabbitMqOptions.QuorumQueues"/> is on: every durable queue the
/// services consume (the saga's, submissions, the registry, notifications), replicated on a majority of the cluster's
/// nodes, so that a node lost loses none of their messages and the queue goes on with a leader on another node.
/// Three kinds stay classic, for reasons quorum queues cannot meet on RabbitMQ 3.x:
/// <list type="bullet">
/// <item>the execution queues (<c>execute-job-*</c>) need priorities, which quorum queues lack before 4.0 (and have only
/// two levels of after). Give them a classic mirroring policy instead, <c>ha-mode: all</c> with
/// <c>ha-sync-mode: automatic</c> on <c>^execute-job-</c>, as infra/scripts/rabbitmq-cluster.sh does;</item>
/// <item>each API instance's live-event queue (<c>api-live-events-*</c>) and each executor's stop queue
/// (<c>stop-attempt-*</c>) are non-durable and auto-delete: they belong to one process, and it declares them again
/// when it reconnects.</item>
/// </list>
/// </summary>
public static class ReplicatedQueues
{
    static readonly string[] StayClassic = ["execute-job-", "api-live-events-", "stop-attempt"];

    public static bool Replicates(string queue) => !StayClassic.Any(prefix => queue.StartsWith(prefix, StringComparison.Ordinal));

    public static void Apply(string queue, IReceiveEndpointConfigurator endpoint)
    {
        if (Replicates(queue) && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            rabbit.SetQuorumQueue();
    }
}
