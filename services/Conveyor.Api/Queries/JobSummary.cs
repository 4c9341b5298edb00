namespace Conveyor.Api.Queries;

/// <summary>One job in seed 003's list, field for field.</summary>
public sealed record JobSummary(
    Guid Id,
    string Type,
    string Status,
    string Priority,
    string? ExecutorId,
    DateTime CreatedAt,
    DateTime? StartedAt);
