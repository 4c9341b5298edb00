namespace Conveyor.Contracts.Jobs;

/// <summary>One step of a pipeline: a binary or a container. Its stdin is the previous step's stdout.</summary>
public sealed record PipelineStep
{
    public string Name { get; init; } = "";
    public JobKind Kind { get; init; }
    public BinarySpec? Binary { get; init; }
    public ContainerSpec? Container { get; init; }

    /// <summary>
    /// A step that runs nothing but creates this named volume for the job's later container steps (a Nosana
    /// <c>container/create-volume</c> op); its <see cref="Kind"/> is <see cref="JobKind.Container"/> and it has no container.
    /// </summary>
    public string? CreateVolume { get; init; }

    /// <summary>
    /// The step's stdout must be one JSON value (an Infernet container's output is): when it is not, the step has
    /// failed and the pipeline stops there, as it does for a non-zero exit.
    /// </summary>
    public bool OutputIsJson { get; init; }

    /// <summary>
    /// Named regular expressions over the step's output lines whose matches its results report (a Nosana op's
    /// <c>results</c>); the executor does not use them.
    /// </summary>
    public IReadOnlyDictionary<string, string>? ResultPatterns { get; init; }
}
