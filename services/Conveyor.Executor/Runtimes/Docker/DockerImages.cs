using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Runtimes.Docker;

/// <summary>Makes sure a job's image is on this executor: used if present, pulled otherwise, with a clear error when that fails.</summary>
public sealed partial class DockerImages(DockerEngineClient docker, IOptions<DockerRuntimeOptions> options, IOptions<ExecutorOptions> executor)
{
    public async Task Ensure(string image, CancellationToken cancellationToken)
    {
        if (await docker.ImageExists(image, cancellationToken))
            return;

        var where = $"image {image} is not present on executor {executor.Value.ExecutorId}";
        if (!options.Value.PullImages)
            throw new ImageUnavailableException($"{where} and pulling images is switched off", retryable: false);
        try
        {
            await docker.PullImage(image, cancellationToken);
        }
        catch (DockerEngineException ex)
        {
            throw new ImageUnavailableException($"{where} and could not be pulled: {ex.Message}", retryable: !RegistryDenied().IsMatch(ex.Message));
        }
    }

    // The registry answered, and the answer is that this image cannot be had: no retry will change it.
    [GeneratedRegex("not found|manifest unknown|pull access denied|repository does not exist|unauthorized|invalid reference format", RegexOptions.IgnoreCase)]
    private static partial Regex RegistryDenied();
}
