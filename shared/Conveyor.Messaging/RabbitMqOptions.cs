using System.ComponentModel.DataAnnotations;

namespace Conveyor.Messaging;

/// <summary>
/// Where the broker is. Section <c>RabbitMq</c>, set in each service's appsettings.json; environment variables such as
/// <c>RabbitMq__Host</c> override. The credentials have no default in code: a service without them refuses to start.
/// </summary>
public sealed class RabbitMqOptions
{
    public const string Section = "RabbitMq";

    [Required] public string Host { get; set; } = "127.0.0.1";
    [Range(1, 65535)] public ushort Port { get; set; } = 5672;
    [Required] public string VirtualHost { get; set; } = "/";
    [Required] public string Username { get; set; } = "";
    [Required] public string Password { get; set; } = "";

    /// <summary>
    /// The nodes of a RabbitMQ cluster, as <c>host:port</c> (<c>RabbitMq__Nodes__0=10.0.0.1:5672</c>, …): the services
    /// connect to any node that answers, and to another when theirs goes. Empty: only <see cref="Host"/> and <see cref="Port"/>.
    /// </summary>
    public string[] Nodes { get; set; } = [];

    /// <summary>
    /// Declares the services' durable queues as quorum queues, replicated on the cluster's nodes, so that losing a node
    /// loses none of their messages. The execution queues stay classic priority queues (RabbitMQ 3.x quorum queues have
    /// no priorities); replicate them with a mirroring policy (see <see cref="Topology.ReplicatedQueues"/>). A queue's
    /// type is fixed when it is first declared: turn this on for a new virtual host, not over existing queues.
    /// </summary>
    public bool QuorumQueues { get; set; }

    /// <summary>Every node to try, in order: <see cref="Nodes"/>, or <see cref="Host"/> and <see cref="Port"/> alone.</summary>
    public IReadOnlyList<(string Host, int Port)> Endpoints() =>
        Nodes.Length == 0
            ? [(Host, Port)]
            : Nodes.Select(node => node.Split(':') is [var host, var port] ? (host, int.Parse(port, System.Globalization.CultureInfo.InvariantCulture)) : (node, 5672)).ToList();

    /// <summary>
    /// Messages each receive endpoint may hold at once, and so handle at once, unless its definition says otherwise (an
    /// executor's queue always uses its slots). MassTransit's own default, twice the cores and at most 16, is 4 on a
    /// two-core machine: the scheduler's saga, whose every message waits on PostgreSQL and on broker confirms, then
    /// handled four jobs at a time and submissions queued behind them. Null keeps MassTransit's default.
    /// </summary>
    [Range(1, 1000)] public ushort? PrefetchCount { get; set; } = 32;
}
