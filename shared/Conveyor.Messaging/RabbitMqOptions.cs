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
    /// Messages each receive endpoint may hold at once, and so handle at once, unless its definition says otherwise (an
    /// executor's queue always uses its slots). MassTransit's own default, twice the cores and at most 16, is 4 on a
    /// two-core machine: the scheduler's saga, whose every message waits on PostgreSQL and on broker confirms, then
    /// handled four jobs at a time and submissions queued behind them. Null keeps MassTransit's default.
    /// </summary>
    [Range(1, 1000)] public ushort? PrefetchCount { get; set; } = 32;
}
