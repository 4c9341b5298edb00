using System.Globalization;
using Conveyor.Contracts.Jobs;
using Docker.DotNet.Models;
// Docker.DotNet.Models has a ContainerSpec of its own (for swarm services).
using ContainerSpec = Conveyor.Contracts.Jobs.ContainerSpec;

namespace Conveyor.Executor.Runtimes.Docker;

/// <summary>
/// The engine's create-container request for a job: no network unless the job serves a port, memory, CPU and pids limits, a
/// read-only root filesystem with tmpfs <c>/work</c> and <c>/tmp</c>, every capability dropped, no privilege escalation,
/// the job's named volumes mounted, GPUs only when asked for, no log files on the host (output is read from the attach stream), and stdin open for the input.
/// </summary>
public static class ContainerConfig
{
    public const string WorkDirectory = "/work";
    public const string ExecutorLabel = "conveyor.executor";
    public const string JobLabel = "conveyor.job";
    public const string AttemptLabel = "conveyor.attempt";

    public static CreateContainerParameters Build(string name, ContainerSpec spec, RunContext context, string executorId, DockerRuntimeOptions options)
    {
        var memoryBytes = (context.Resources.MemoryMb ?? options.DefaultMemoryMb) * 1024 * 1024;
        var host = new HostConfig
        {
            NetworkMode = spec.ExposedPort is null ? "none" : options.ServiceNetworkMode,
            Memory = memoryBytes,
            MemorySwap = memoryBytes,
            NanoCPUs = (long)((context.Resources.Cpu ?? options.DefaultCpus) * 1_000_000_000),
            PidsLimit = options.PidsLimit,
            ReadonlyRootfs = true,
            Tmpfs = new Dictionary<string, string>
            {
                [WorkDirectory] = Mount(options.WorkDirSizeMb, "exec"),
                ["/tmp"] = Mount(options.TmpSizeMb, "noexec"),
            },
            CapDrop = ["ALL"],
            SecurityOpt = ["no-new-privileges"],
            Init = true,
            LogConfig = new LogConfig { Type = "none" },
        };
        if (spec.Volumes is { Count: > 0 } volumes)
            host.Mounts = [.. volumes.Select(v => new Mount { Type = "volume", Source = JobVolumes.EngineName(context.AttemptId, v.Name), Target = v.Path })];
        var gpus = Math.Max(spec.Gpu, context.Resources.Gpu);
        if (gpus > 0)
            host.DeviceRequests = [new DeviceRequest { Count = gpus, Capabilities = [["gpu"]] }];

        var parameters = new CreateContainerParameters
        {
            Name = name,
            Image = spec.Image,
            Env = spec.EnvVariables.Select(v => $"{v.Key}={v.Value}").ToList(),
            WorkingDir = spec.WorkDir ?? WorkDirectory,
            Labels = new Dictionary<string, string>
            {
                [ExecutorLabel] = executorId,
                [JobLabel] = context.JobId.ToString(),
                [AttemptLabel] = context.AttemptId.ToString(),
            },
            AttachStdin = true,
            AttachStdout = true,
            AttachStderr = true,
            OpenStdin = true,
            StdinOnce = true,
            Tty = false,
            HostConfig = host,
        };
        // Left unset (null is not sent), the image's own entrypoint, command and user apply.
        if (spec.Entrypoint is not null)
            parameters.Entrypoint = spec.Entrypoint.ToList();
        if (spec.Cmd is not null)
            parameters.Cmd = spec.Cmd.ToList();
        if (options.User is not null)
            parameters.User = options.User;
        if (spec.ExposedPort is { } port)
            Expose(parameters, host, port, options);
        return parameters;
    }

    static void Expose(CreateContainerParameters parameters, HostConfig host, int port, DockerRuntimeOptions options)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{port}/tcp");
        parameters.ExposedPorts = new Dictionary<string, EmptyStruct> { [key] = default };
        // An empty host port lets the engine pick a free one; with host networking the container's own port is used.
        if (options.ServiceNetworkMode != "host")
            host.PortBindings = new Dictionary<string, IList<PortBinding>> { [key] = [new PortBinding { HostIP = options.PublishAddress, HostPort = "" }] };
    }

    static string Mount(int sizeMb, string exec) => string.Create(CultureInfo.InvariantCulture, $"rw,{exec},nosuid,nodev,size={sizeMb}m,mode=1777");
}
