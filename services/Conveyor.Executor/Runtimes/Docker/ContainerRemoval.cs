using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Conveyor.Executor.Runtimes.Docker;

/// <summary>Removal of a job's container, shared by the runtime and the clean-up of an earlier run's leftovers.</summary>
public static class ContainerRemoval
{
    static readonly ContainerRemoveParameters KillWithVolumes = new() { Force = true, RemoveVolumes = true };

    /// <summary>Kills and removes a container with its anonymous volumes; one that is already gone, or going, is fine.</summary>
    public static async Task ForceRemove(this IContainerOperations containers, string id, CancellationToken cancellationToken)
    {
        try
        {
            await containers.RemoveContainerAsync(id, KillWithVolumes, cancellationToken);
        }
        catch (DockerApiException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Conflict)
        {
            // Conflict: the engine is removing it already.
        }
    }
}
