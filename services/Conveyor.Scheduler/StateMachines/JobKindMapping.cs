using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;

namespace Conveyor.Scheduler.StateMachines;

/// <summary>What container and pipeline jobs add to the saga's row, kept apart from the lifecycle's own behaviours.</summary>
public static class JobKindMapping
{
    public static void RecordKind(this JobLifecycleState job, JobDefinition definition)
    {
        job.Kind = definition.Kind;
        job.Container = definition.Container;
        job.PipelineSteps = [.. definition.Steps];
        job.PipelineInput = definition.Input;
    }

    /// <summary>The pipeline's intermediate results of the latest attempt (empty for other jobs).</summary>
    public static void RecordSteps(this JobLifecycleState job, IReadOnlyList<StepResult>? steps) => job.StepResults = [.. steps ?? []];
}
