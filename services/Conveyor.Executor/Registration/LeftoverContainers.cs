using Conveyor.Executor.Runtimes.Docker;
using Docker.DotNet;
using ContainersListParameters = Docker.DotNet.Models.ContainersListParameters;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Registration;

/// <summary>
/// Containers carry the label of the executor that made them. One this executor's id left behind (the process was killed
/// before it could remove it) is removed when the executor starts again, and then the jobs' named volumes it left; the
/// scheduler has retried its attempt meanwhile.
/// </summary>
public sealed class LeftoverContainers(IDockerClient docker, JobVolumes volumes, ExecutorCapabilities capabilities,
    IOptions<ExecutorOptions> options, ILogger<LeftoverContainers> logger)
{
    public async Task Remove(CancellationToken cancellationToken)
    {
        if (!capabilities.HasDocker)
            return;
        try
        {
            foreach (var container in await docker.Containers.ListContainersAsync(Labelled(), cancellationToken))
            {
                logger.LogWarning("Removing container {ContainerId} left by an earlier run of this executor", container.ID);
                await docker.Containers.ForceRemove(container.ID, cancellationToken);
            }
            await volumes.RemoveLeftovers(cancellationToken);
        }
        catch (Exception ex) when (EngineErrors.Is(ex, cancellationToken))
        {
            logger.LogWarning("Leftover containers could not be removed: {Reason}", EngineErrors.Message(ex));
        }
    }

    // Running or not: a stopped container of a killed run is a leftover too.
    ContainersListParameters Labelled() => new()
    {
        All = true,
        Filters = new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = new Dictionary<string, bool> { [$"{ContainerConfig.ExecutorLabel}={options.Value.ExecutorId}"] = true },
        },
    };
}
