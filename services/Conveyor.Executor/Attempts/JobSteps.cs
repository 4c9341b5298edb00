using Conveyor.Contracts.Jobs;

namespace Conveyor.Executor.Attempts;

/// <summary>A binary or container job seen as a pipeline of one step, so that one code path runs them all.</summary>
public static class JobSteps
{
    public static PipelineStep Single(JobDefinition job) => job.Kind == JobKind.Container
        ? new PipelineStep { Name = job.Type, Kind = JobKind.Container, Container = job.Container }
        : new PipelineStep
        {
            Name = job.Type,
            Kind = JobKind.Binary,
            Binary = new BinarySpec { Url = job.BinaryUrl, Sha256 = job.BinarySha256, Arguments = job.Arguments, EnvVariables = job.EnvVariables },
        };

    /// <summary>Every step of the job, whatever its kind.</summary>
    public static IReadOnlyList<PipelineStep> All(JobDefinition job) => job.Kind == JobKind.Pipeline ? job.Steps : [Single(job)];
}
