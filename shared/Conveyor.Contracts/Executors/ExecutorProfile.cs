namespace Conveyor.Contracts.Executors;

/// <summary>What an executor is and can do, as it reports itself on start (seed 004's node profile, seed 003's executor).</summary>
public sealed record ExecutorProfile
{
    public string Hostname { get; init; } = "";
    public string Address { get; init; } = "";
    public string Os { get; init; } = "";
    public string CpuModel { get; init; } = "";
    public int Cores { get; init; }
    public long MemoryMb { get; init; }
    public IReadOnlyList<GpuInfo> Gpus { get; init; } = [];

    /// <summary><c>process</c> always; <c>docker</c> when the engine answered.</summary>
    public IReadOnlyList<string> Runtimes { get; init; } = [];
    public string Pool { get; init; } = "";
    public int Slots { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>sha256 of the executor's own runner assembly, so that operators can tell which build runs where.</summary>
    public string RunnerSha256 { get; init; } = "";
    public string Version { get; init; } = "";
}
