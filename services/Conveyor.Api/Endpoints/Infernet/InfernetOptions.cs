using Conveyor.Contracts.Jobs;

namespace Conveyor.Api.Endpoints.Infernet;

/// <summary>
/// Section <c>Infernet</c>: the containers Infernet clients may call (what <c>GET /info</c> lists), and how their
/// jobs are queued. With no containers configured the surface still answers, and refuses every job as unsupported.
/// </summary>
public sealed class InfernetOptions
{
    public const string Section = "Infernet";

    public List<InfernetContainer> Containers { get; set; } = [];

    /// <summary>The priority Infernet jobs are queued at; the document has none of its own.</summary>
    public JobPriority Priority { get; set; } = JobPriority.Background;

    /// <summary>Seconds an Infernet job may run before it is stopped; null for the executor's default.</summary>
    public int? TimeoutSeconds { get; set; }

    /// <summary>
    /// Take <c>PUT /api/status</c> from any address; by default only from this machine (loopback), since it records
    /// jobs that Conveyor cannot check.
    /// </summary>
    public bool StatusFromAnyAddress { get; set; }
}

/// <summary>One container an Infernet job may name, as a node's configuration names it.</summary>
public sealed class InfernetContainer
{
    public string Id { get; set; } = "";
    public string Image { get; set; } = "";

    /// <summary>May be the first container of a job (true, as Infernet's default); an internal one only follows another.</summary>
    public bool External { get; set; } = true;

    public string? Description { get; set; }

    /// <summary>Client addresses allowed to call it, as CIDRs (<c>10.0.0.0/8</c>, <c>::1/128</c>); empty allows every address.</summary>
    public List<string> AllowedIps { get; set; } = [];

    public Dictionary<string, string> Env { get; set; } = [];

    /// <summary>The command run in the image (its default command when empty); the job's input arrives on stdin.</summary>
    public List<string> Command { get; set; } = [];
}
