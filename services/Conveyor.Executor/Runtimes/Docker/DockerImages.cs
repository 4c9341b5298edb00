using System.Text.RegularExpressions;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Runtimes.Docker;

/// <summary>Makes sure a job's image is on this executor: used if present, pulled otherwise, with a clear error when that fails.</summary>
public sealed partial class DockerImages(IDockerClient docker, IOptions<DockerRuntimeOptions> options, IOptions<ExecutorOptions> executor)
{
    public async Task Ensure(string image, CancellationToken cancellationToken)
    {
        if (await IsPresent(image, cancellationToken))
            return;

        var where = $"image {image} is not present on executor {executor.Value.ExecutorId}";
        if (!options.Value.PullImages)
            throw new ImageUnavailableException($"{where} and pulling images is switched off", retryable: false);
        if (await Pull(image, cancellationToken) is { } failure)
            throw new ImageUnavailableException($"{where} and could not be pulled: {failure}", retryable: !RegistryDenied().IsMatch(failure));
    }

    async Task<bool> IsPresent(string image, CancellationToken cancellationToken)
    {
        try
        {
            await docker.Images.InspectImageAsync(image, cancellationToken);
            return true;
        }
        catch (DockerImageNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Pulls the image; why it failed, in the engine's words, or null when it is here now.</summary>
    async Task<string?> Pull(string image, CancellationToken cancellationToken)
    {
        var (name, tag) = ImageReference.Split(image);
        var progress = new PullProgress();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PullTimeout);
        try
        {
            await docker.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = name, Tag = tag }, null, progress, timeout.Token);
            return progress.Error;
        }
        catch (Exception ex) when (EngineErrors.Is(ex, cancellationToken))
        {
            return EngineErrors.Message(ex);
        }
    }

    // The registry answered, and the answer is that this image cannot be had: no retry will change it.
    [GeneratedRegex("not found|manifest unknown|pull access denied|repository does not exist|unauthorized|invalid reference format", RegexOptions.IgnoreCase)]
    private static partial Regex RegistryDenied();
}
