namespace Conveyor.Contracts.Executors;

public sealed record GpuInfo(string Model, long MemoryMb);
