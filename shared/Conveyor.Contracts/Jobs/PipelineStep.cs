namespace Conveyor.Contracts.Jobs;

/// <summary>One step of a pipeline: a binary or a container. Its stdin is the previous step's stdout.</summary>
public sealed record PipelineStep
{
    public string Name { get; init; } = "";
    public JobKind Kind { get; init; }
    public BinarySpec? Binary { get; init; }
    public ContainerSpec? Container { get; init; }
}
