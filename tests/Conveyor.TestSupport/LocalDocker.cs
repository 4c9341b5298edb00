using Docker.DotNet;
using ContainersListParameters = Docker.DotNet.Models.ContainersListParameters;
using VolumesListParameters = Docker.DotNet.Models.VolumesListParameters;

namespace Conveyor.TestSupport;

/// <summary>Asks the local Docker engine what the tests need to see for themselves.</summary>
public static class LocalDocker
{
    // The executors under test use the engine at the default socket, pinned to the API version Debian 12's engine speaks;
    // the tests look at the same engine the same way.
    static readonly DockerClient Engine = new DockerClientBuilder()
        .WithEndpoint(new Uri("unix:///var/run/docker.sock"))
        .WithApiVersion(new Version(1, 41))
        .Build();

    /// <summary>Ids of the containers, running or not, that carry <paramref name="label"/> (<c>key=value</c>).</summary>
    public static async Task<IReadOnlyList<string>> ContainersLabelled(string label, bool runningOnly = false)
    {
        var filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [label] = true } };
        if (runningOnly)
            filters["status"] = new Dictionary<string, bool> { ["running"] = true };
        var containers = await Engine.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filters });
        return containers.Select(c => c.ID).ToList();
    }

    /// <summary>Names of the volumes that carry <paramref name="label"/> (<c>key=value</c>).</summary>
    public static async Task<IReadOnlyList<string>> VolumesLabelled(string label)
    {
        var filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [label] = true } };
        var volumes = await Engine.Volumes.ListAsync(new VolumesListParameters { Filters = filters });
        return (volumes.Volumes ?? []).Select(v => v.Name).ToList();
    }

    /// <summary>Waits until a container with the label is running; its id.</summary>
    public static async Task<string> WaitForContainer(string label, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if ((await ContainersLabelled(label, runningOnly: true)).FirstOrDefault() is { } id)
                return id;
            await Task.Delay(100);
        }
        throw new TimeoutException($"no container labelled {label} appeared");
    }
}
