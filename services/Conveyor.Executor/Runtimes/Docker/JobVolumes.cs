using System.Net;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Runtimes.Docker;

/// <summary>
/// A job's named volumes (Nosana's <c>container/create-volume</c>): created by a step, mounted by the steps after it, and
/// removed when the attempt ends. The engine's name is the attempt's, so two attempts, or two jobs naming a volume alike,
/// never share one; the labels let the executor remove what a killed run of it left behind.
/// </summary>
public sealed class JobVolumes(IDockerClient docker, IOptions<ExecutorOptions> executor, ILogger<JobVolumes> logger)
{
    static readonly TimeSpan RemoveTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The engine's name of the job's volume <paramref name="name"/> in attempt <paramref name="attemptId"/>.</summary>
    public static string EngineName(Guid attemptId, string name) => $"conveyor-{attemptId:N}-{name}";

    public async Task Create(string name, RunContext context, CancellationToken cancellationToken) =>
        await docker.Volumes.CreateAsync(new VolumesCreateParameters
        {
            Name = EngineName(context.AttemptId, name),
            Labels = new Dictionary<string, string>
            {
                [ContainerConfig.ExecutorLabel] = executor.Value.ExecutorId,
                [ContainerConfig.JobLabel] = context.JobId.ToString(),
                [ContainerConfig.AttemptLabel] = context.AttemptId.ToString(),
            },
        }, cancellationToken);

    /// <summary>Removes every volume of the attempt; run after its last container is gone.</summary>
    public Task RemoveAll(Guid attemptId) => RemoveLabelled($"{ContainerConfig.AttemptLabel}={attemptId}", CancellationToken.None);

    /// <summary>Removes the volumes an earlier run of this executor left behind.</summary>
    public Task RemoveLeftovers(CancellationToken cancellationToken) =>
        RemoveLabelled($"{ContainerConfig.ExecutorLabel}={executor.Value.ExecutorId}", cancellationToken);

    async Task RemoveLabelled(string label, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RemoveTimeout);
        try
        {
            var filter = new VolumesListParameters
            {
                Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [label] = true } },
            };
            foreach (var volume in (await docker.Volumes.ListAsync(filter, timeout.Token)).Volumes ?? [])
                await Remove(volume.Name, timeout.Token);
        }
        catch (Exception ex) when (EngineErrors.Is(ex, CancellationToken.None))
        {
            // The executor removes its leftovers at its next start (they carry its label).
            logger.LogError("Volumes labelled {Label} could not be removed: {Reason}", label, EngineErrors.Message(ex));
        }
    }

    async Task Remove(string name, CancellationToken cancellationToken)
    {
        try
        {
            await docker.Volumes.RemoveAsync(name, force: true, cancellationToken);
        }
        catch (DockerApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
        }
    }
}
