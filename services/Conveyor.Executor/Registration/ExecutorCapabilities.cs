using Conveyor.Contracts.Executors;
using Conveyor.Contracts.Jobs;
using Conveyor.Executor.Attempts;
using Conveyor.Executor.Runtimes.Docker;
using Docker.DotNet;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Registration;

/// <summary>
/// What this executor can run: the process runtime always, the docker runtime when the engine answers, and its GPUs.
/// Probed at start and at every profile refresh. A job asking for more is refused with a reason that names what is missing.
/// </summary>
public sealed class ExecutorCapabilities(IDockerClient docker, IOptions<DockerRuntimeOptions> dockerOptions, IOptions<ExecutorOptions> options,
    ILogger<ExecutorCapabilities> logger)
{
    public const string ProcessRuntime = "process";
    public const string DockerRuntime = "docker";

    public bool HasDocker { get; private set; }
    public IReadOnlyList<GpuInfo> Gpus { get; private set; } = [];
    public IReadOnlyList<string> Runtimes => HasDocker ? [ProcessRuntime, DockerRuntime] : [ProcessRuntime];

    public async Task Refresh(CancellationToken cancellationToken)
    {
        var hadDocker = HasDocker;
        HasDocker = dockerOptions.Value.Enabled && await EngineAnswers(cancellationToken);
        Gpus = await GpuProbe.Read(cancellationToken);
        if (HasDocker != hadDocker || !HasDocker)
            logger.LogInformation("Runtimes: {Runtimes}; GPUs: {GpuCount}; Docker engine at {Endpoint} {DockerState}", string.Join(", ", Runtimes), Gpus.Count,
                docker.Options.Endpoint, HasDocker ? "answers" : "is not used");
    }

    async Task<bool> EngineAnswers(CancellationToken cancellationToken)
    {
        try
        {
            await docker.System.PingAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (EngineErrors.Is(ex, cancellationToken))
        {
            return false;
        }
    }

    /// <summary>Why this executor cannot run the job, or null when it can.</summary>
    public string? Refusal(JobDefinition job)
    {
        var who = $"executor {options.Value.ExecutorId}";
        if (!HasDocker && JobSteps.All(job).Any(step => step.Kind == JobKind.Container))
            return $"{who} cannot run this job: it needs the docker runtime and this executor offers only {string.Join(", ", Runtimes)}";
        // A binary's GPUs are the pool's promise (the operator put this executor in a GPU pool); a container's are requested
        // from the engine, which fails obscurely without them, so they are counted here.
        var containerGpus = JobSteps.All(job).Any(step => step.Kind == JobKind.Container)
            ? Math.Max(job.Resources.Gpu, JobSteps.All(job).Max(step => step.Container?.Gpu ?? 0))
            : 0;
        if (containerGpus > Gpus.Count)
            return $"{who} cannot run this job: its containers need {containerGpus} GPU(s) and this executor has {Gpus.Count}";
        return null;
    }
}
