namespace Conveyor.Api.Queries;

/// <summary>A pipeline step as submitted: a binary's fields or a container's, in the submit's own field names.</summary>
public sealed record PipelineStepDetails
{
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public string? BinaryUrl { get; init; }
    public string? BinarySha256 { get; init; }
    public IReadOnlyList<string>? Arguments { get; init; }
    public required IReadOnlyDictionary<string, string> EnvVariables { get; init; }
    public ContainerDetails? Container { get; init; }
}
