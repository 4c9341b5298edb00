using Conveyor.Executor.Runtimes.Docker;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Registration;

/// <summary>
/// Containers carry the label of the executor that made them. One this executor's id left behind (the process was killed
/// before it could remove it) is removed when the executor starts again; the scheduler has retried its attempt meanwhile.
/// </summary>
public sealed class LeftoverContainers(DockerEngineClient docker, ExecutorCapabilities capabilities, IOptions<ExecutorOptions> options,
    ILogger<LeftoverContainers> logger)
{
    public async Task Remove(CancellationToken cancellationToken)
    {
        if (!capabilities.HasDocker)
            return;
        try
        {
            foreach (var id in await docker.ListContainers($"{ContainerConfig.ExecutorLabel}={options.Value.ExecutorId}", cancellationToken))
            {
                logger.LogWarning("Removing container {ContainerId} left by an earlier run of this executor", id);
                await docker.RemoveContainer(id, cancellationToken);
            }
        }
        catch (DockerEngineException ex)
        {
            logger.LogWarning("Leftover containers could not be removed: {Reason}", ex.Message);
        }
    }
}
