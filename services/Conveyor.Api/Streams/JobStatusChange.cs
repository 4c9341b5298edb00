namespace Conveyor.Api.Streams;

/// <summary>The body of a <c>status</c> event: which lifecycle event happened and the status it moved the job to.</summary>
public sealed record JobStatusChange
{
    public required Guid JobId { get; init; }
    public required string Event { get; init; }
    public required string Status { get; init; }
    public required DateTime OccurredAt { get; init; }
    public Guid? AttemptId { get; init; }
    public string? ExecutorId { get; init; }
    public int? ExitCode { get; init; }
    public string? Error { get; init; }
    public string? Reason { get; init; }
    public DateTime? RetryAt { get; init; }
}
