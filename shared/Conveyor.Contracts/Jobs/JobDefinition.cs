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
    public JobResources Resources { get; init; } = new();

    /// <summary>Wall-clock limit of one attempt; null means the executor's default.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>Attempts allowed for infrastructure failures (lost executor, download error); null means the scheduler's default.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>Whether a non-zero exit code is retried like an infrastructure failure (otherwise it is final).</summary>
    public bool RetryOnFailure { get; init; }

    /// <summary>Binary (the default, and all a seed-003 client sends), container or pipeline.</summary>
    public JobKind Kind { get; init; }

    /// <summary>The container of a <see cref="JobKind.Container"/> job.</summary>
    public ContainerSpec? Container { get; init; }

    /// <summary>The steps of a <see cref="JobKind.Pipeline"/> job, run in order on one executor.</summary>
    public IReadOnlyList<PipelineStep> Steps { get; init; } = [];

    /// <summary>What a pipeline's first step reads on stdin.</summary>
    public string? Input { get; init; }
}
