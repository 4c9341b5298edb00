namespace Conveyor.Contracts.Jobs;

/// <summary>What a job needs from its executor. A job that asks for a GPU goes to the <c>gpu</c> pool.</summary>
public sealed record JobResources
{
    public double? Cpu { get; init; }
    public long? MemoryMb { get; init; }
    public int Gpu { get; init; }
}
