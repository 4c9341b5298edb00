using Conveyor.Contracts.Jobs;

namespace Conveyor.Api.Queries;

/// <summary>Seed 003's list filters, already validated, and the owner a caller is confined to (null: every owner).</summary>
public sealed record JobFilter
{
    public string? Status { get; init; }
    public string? Type { get; init; }
    public JobPriority? Priority { get; init; }
    public int Limit { get; init; } = 100;
    public int Offset { get; init; }
    public string? Owner { get; init; }
}
