namespace Conveyor.Api.Queries;

/// <summary>
/// A pipeline step's intermediate result. <see cref="Output"/> is the step's stdout as JSON when it parses as JSON,
/// otherwise the text itself: what the next step read on its stdin.
/// </summary>
public sealed record StepDetails
{
    public required int Index { get; init; }
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public required string Status { get; init; }
    public int? ExitCode { get; init; }
    public object? Output { get; init; }
    public required string Stdout { get; init; }
    public required string Stderr { get; init; }
    public string? Error { get; init; }
    public required DateTime StartedAt { get; init; }
    public required DateTime EndedAt { get; init; }
}
