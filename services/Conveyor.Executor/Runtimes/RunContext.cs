using Conveyor.Contracts.Jobs;
using Conveyor.Executor.Runtimes.Process;

namespace Conveyor.Executor.Runtimes;

/// <summary>What a runtime needs to know about the attempt it runs a binary or container for.</summary>
public sealed record RunContext
{
    public required Guid JobId { get; init; }
    public required Guid AttemptId { get; init; }

    /// <summary>The pipeline step (0 for a job of one step), so that a step's working directory and container are its own.</summary>
    public int StepIndex { get; init; }
    public JobResources Resources { get; init; } = new();

    /// <summary>Written to the job's stdin, which is then closed; null closes it at once.</summary>
    public string? Stdin { get; init; }
    public JobLogBatcher? Log { get; init; }

    /// <summary>Told the step index and URL once a step's exposed port answers.</summary>
    public Func<int, string, Task>? ServiceReady { get; init; }
}
