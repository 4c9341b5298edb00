using Conveyor.Contracts.Jobs;

namespace Conveyor.Persistence.Jobs;

/// <summary>What a client asked to run, rebuilt from the job's row: for the executor's work, and for a retry.</summary>
public static class JobStateDefinition
{
    public static JobDefinition ToDefinition(this JobLifecycleState job) => new()
    {
        Type = job.Type,
        BinaryUrl = job.BinaryUrl,
        BinarySha256 = job.BinarySha256,
        Arguments = job.Arguments,
        EnvVariables = job.EnvVariables,
        Priority = job.Priority,
        Resources = job.Resources,
        TimeoutSeconds = job.TimeoutSeconds,
        MaxAttempts = job.MaxAttempts,
        RetryOnFailure = job.RetryOnFailure,
        Kind = job.Kind,
        Container = job.Container,
        Steps = job.PipelineSteps,
        Input = job.PipelineInput,
    };
}
