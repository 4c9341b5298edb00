namespace Conveyor.Contracts.Jobs;

/// <summary>What a client asked to run: everything an executor needs, nothing about the job's life.</summary>
public sealed record JobDefinition
{
    public required string Type { get; init; }
    public required string BinaryUrl { get; init; }
    public required string BinarySha256 { get; init; }
    public IReadOnlyList<string> Arguments { get; init; } = [];
    public IReadOnlyDictionary<string, string> EnvVariables { get; init; } = new Dictionary<string, string>();
    public required JobPriority Priority { get; init; }
}
