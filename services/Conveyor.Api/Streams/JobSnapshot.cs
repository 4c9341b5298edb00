using System.Text.Json.Serialization;

namespace Conveyor.Api.Streams;

/// <summary>The body of a <c>state</c> event: a job as it stands in the database when a client connects.</summary>
public sealed record JobSnapshot
{
    public required Guid JobId { get; init; }
    public required string Type { get; init; }
    public required string Priority { get; init; }
    public required string Status { get; init; }
    public required DateTime CreatedAt { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? CompletedAt { get; init; }
    public int? ExitCode { get; init; }
    public string? Error { get; init; }
    public int Attempts { get; init; }

    /// <summary>The latest moment the snapshot already reflects; live status events up to it are old news.</summary>
    [JsonIgnore]
    public DateTimeOffset AsOf => new[] { CreatedAt, StartedAt ?? CreatedAt, CompletedAt ?? CreatedAt }.Max();

    [JsonIgnore]
    public bool IsTerminal => Status is "completed" or "failed" or "cancelled";
}
