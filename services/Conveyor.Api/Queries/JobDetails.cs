namespace Conveyor.Api.Queries;

/// <summary>Seed 003's job details, field for field.</summary>
public sealed record JobDetails
{
    public required Guid Id { get; init; }
    public required string Type { get; init; }
    public required string BinaryUrl { get; init; }
    public required string BinarySha256 { get; init; }
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
}
