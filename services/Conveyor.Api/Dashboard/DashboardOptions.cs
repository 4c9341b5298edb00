namespace Conveyor.Api.Dashboard;

/// <summary>Section <c>Dashboard</c>.</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    public bool Enabled { get; set; } = true;

    /// <summary>The RabbitMQ management UI the queue links open; its queue pages are under <c>#/queues/&lt;vhost&gt;/&lt;queue&gt;</c>.</summary>
    public string RabbitMqManagementUrl { get; set; } = "http://127.0.0.1:15672";
}
