namespace Conveyor.Api.Queries;

public sealed record AttemptDetails
{
    public required int Number { get; init; }
    public string? ExecutorId { get; init; }
    public string? ExecutorIp { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? EndedAt { get; init; }
    public required string Status { get; init; }
    public int? ExitCode { get; init; }
    public string? Error { get; init; }
}
