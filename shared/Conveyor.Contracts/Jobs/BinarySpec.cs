namespace Conveyor.Contracts.Jobs;

/// <summary>A binary to download, verify by sha256 and run, as a pipeline step.</summary>
public sealed record BinarySpec
{
    public string Url { get; init; } = "";
    public string Sha256 { get; init; } = "";
    public IReadOnlyList<string> Arguments { get; init; } = [];
    public IReadOnlyDictionary<string, string> EnvVariables { get; init; } = new Dictionary<string, string>();
}
