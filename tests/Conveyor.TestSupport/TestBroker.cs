namespace Conveyor.TestSupport;

/// <summary>
/// The RabbitMQ a test stack runs on: the single broker of start-infra.sh, or the three-node cluster of
/// infra/scripts/rabbitmq-cluster.sh. Management calls go to the first node of <see cref="ManagementUrls"/> that answers.
/// </summary>
public sealed record TestBroker(IReadOnlyList<string> ManagementUrls, IReadOnlyList<string> AmqpNodes)
{
    public static TestBroker Single { get; } = new([TestInfrastructure.RabbitManagementUrl], [$"{TestInfrastructure.RabbitHost}:5672"]);

    public static TestBroker Cluster { get; } = new(
        [.. Enumerable.Range(1, ClusterNodes).Select(n => $"http://127.0.0.1:{15700 + n}")],
        [.. Enumerable.Range(1, ClusterNodes).Select(n => $"127.0.0.1:{5700 + n}")]);

    public const int ClusterNodes = 3;

    public bool IsCluster => AmqpNodes.Count > 1;

    /// <summary>Where a plain client connects: the first node.</summary>
    public (string Host, int Port) FirstNode => AmqpNodes[0].Split(':') is [var host, var port]
        ? (host, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture))
        : (AmqpNodes[0], 5672);

    public string Describe() => IsCluster ? $"a {AmqpNodes.Count}-node RabbitMQ cluster (quorum queues, execution queues mirrored)" : "a single RabbitMQ node";

    /// <summary>The cluster node's number (1-3) from its Erlang name, <c>cvr2@localhost</c>.</summary>
    public static int NodeNumber(string erlangNode) => int.Parse(erlangNode[3..erlangNode.IndexOf('@')], System.Globalization.CultureInfo.InvariantCulture);
}
