namespace Conveyor.Api.Queries;

/// <summary>Seed 003's stats. Both maps hold every status and every priority, zeros included, so clients can index them blindly.</summary>
public sealed record SystemStats(
    IReadOnlyDictionary<string, long> JobsByStatus,
    IReadOnlyDictionary<string, long> PendingByPriority,
    int ActiveExecutors);
