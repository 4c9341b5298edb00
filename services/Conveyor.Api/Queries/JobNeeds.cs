using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;

namespace Conveyor.Api.Queries;

/// <summary>
/// What a job needs from an executor beyond its pool: the docker runtime, and GPUs for its containers (a binary's GPUs
/// are the pool's promise, as the executor sees it too).
/// </summary>
public sealed record JobNeeds(bool Docker, int Gpus)
{
    public static JobNeeds Of(JobLifecycleState job)
    {
        var docker = job.Kind == JobKind.Container || job.PipelineSteps.Any(step => step.Kind == JobKind.Container);
        return new JobNeeds(docker, docker ? job.Resources.Gpu : 0);
    }
}
