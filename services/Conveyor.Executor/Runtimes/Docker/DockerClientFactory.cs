using Docker.DotNet;

namespace Conveyor.Executor.Runtimes.Docker;

/// <summary>Docker.DotNet's client for the engine named by <see cref="DockerRuntimeOptions"/>.</summary>
public static class DockerClientFactory
{
    public static DockerClient Create(DockerRuntimeOptions options) =>
        new DockerClientBuilder()
            .WithEndpoint(new Uri("unix://" + options.SocketPath))
            // Unpinned, the client would speak the engine's newest dialect; pinned, every request means what it meant for the
            // oldest engine we support (Debian 12's docker.io, Engine API 1.41), and newer engines still honour it.
            .WithApiVersion(Version.Parse(options.ApiVersion))
            // Waits, attaches and pulls set no limit here: the job's token, or the pull's own limit, decides those.
            .WithTimeout(options.RequestTimeout)
            .Build();
}
