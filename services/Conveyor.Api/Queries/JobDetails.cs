namespace Conveyor.Api.Queries;

/// <summary>Seed 003's job details, field for field.</summary>
public sealed record JobDetails
{
    public required Guid Id { get; init; }
    public required string Type { get; init; }
    /// <summary>Null for container and pipeline jobs.</summary>
    public string? BinaryUrl { get; init; }
    public string? BinarySha256 { get; init; }
    public required IReadOnlyList<string> Arguments { get; init; }
    public required IReadOnlyDictionary<string, string> EnvVariables { get; init; }
    public required string Priority { get; init; }
    public required string Status { get; init; }
    public string? ExecutorId { get; init; }
    public string? Stdout { get; init; }
    public string? Stderr { get; init; }
    public int? ExitCode { get; init; }
    public string? Error { get; init; }
    public required DateTime CreatedAt { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? CompletedAt { get; init; }
    public required IReadOnlyList<AttemptDetails> Attempts { get; init; }

    /// <summary><c>binary</c>, <c>container</c> or <c>pipeline</c>.</summary>
    public string Kind { get; init; } = "binary";
    public ContainerDetails? Container { get; init; }

    /// <summary>A pipeline's steps as submitted.</summary>
    public IReadOnlyList<PipelineStepDetails>? Pipeline { get; init; }

    /// <summary>A pipeline's intermediate results, one per step that ran in the latest attempt.</summary>
    public IReadOnlyList<StepDetails> Steps { get; init; } = [];

    /// <summary>For a pending job that no live executor can take now: why.</summary>
    public string? PendingReason { get; init; }
}
