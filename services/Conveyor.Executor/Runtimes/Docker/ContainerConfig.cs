using System.Globalization;
using System.Text.Json.Nodes;
using Conveyor.Contracts.Jobs;

namespace Conveyor.Executor.Runtimes.Docker;

/// <summary>
/// The engine's create-container body for a job: no network unless the job serves a port, memory, CPU and pids limits, a
/// read-only root filesystem with tmpfs <c>/work</c> and <c>/tmp</c>, every capability dropped, no privilege escalation,
/// GPUs only when asked for, no log files on the host (output is read from the attach stream), and stdin open for the input.
/// </summary>
public static class ContainerConfig
{
    public const string WorkDirectory = "/work";
    public const string ExecutorLabel = "conveyor.executor";
    public const string JobLabel = "conveyor.job";
    public const string AttemptLabel = "conveyor.attempt";

    public static JsonObject Build(ContainerSpec spec, RunContext context, string executorId, DockerRuntimeOptions options)
    {
        var memoryBytes = (context.Resources.MemoryMb ?? options.DefaultMemoryMb) * 1024 * 1024;
        var host = new JsonObject
        {
            ["NetworkMode"] = spec.ExposedPort is null ? "none" : options.ServiceNetworkMode,
            ["Memory"] = memoryBytes,
            ["MemorySwap"] = memoryBytes,
            ["NanoCpus"] = (long)((context.Resources.Cpu ?? options.DefaultCpus) * 1_000_000_000),
            ["PidsLimit"] = options.PidsLimit,
            ["ReadonlyRootfs"] = true,
            ["Tmpfs"] = new JsonObject
            {
                [WorkDirectory] = Mount(options.WorkDirSizeMb, "exec"),
                ["/tmp"] = Mount(options.TmpSizeMb, "noexec"),
            },
            ["CapDrop"] = new JsonArray("ALL"),
            ["SecurityOpt"] = new JsonArray("no-new-privileges"),
            ["Init"] = true,
            ["LogConfig"] = new JsonObject { ["Type"] = "none" },
        };
        var gpus = Math.Max(spec.Gpu, context.Resources.Gpu);
        if (gpus > 0)
            host["DeviceRequests"] = new JsonArray(new JsonObject { ["Count"] = gpus, ["Capabilities"] = new JsonArray(new JsonArray("gpu")) });

        var body = new JsonObject
        {
            ["Image"] = spec.Image,
            ["Env"] = new JsonArray(spec.EnvVariables.Select(v => (JsonNode)JsonValue.Create($"{v.Key}={v.Value}")).ToArray()),
            ["WorkingDir"] = spec.WorkDir ?? WorkDirectory,
            ["Labels"] = new JsonObject
            {
                [ExecutorLabel] = executorId,
                [JobLabel] = context.JobId.ToString(),
                [AttemptLabel] = context.AttemptId.ToString(),
            },
            ["AttachStdin"] = true,
            ["AttachStdout"] = true,
            ["AttachStderr"] = true,
            ["OpenStdin"] = true,
            ["StdinOnce"] = true,
            ["Tty"] = false,
            ["HostConfig"] = host,
        };
        if (spec.Entrypoint is not null)
            body["Entrypoint"] = Strings(spec.Entrypoint);
        if (spec.Cmd is not null)
            body["Cmd"] = Strings(spec.Cmd);
        if (options.User is not null)
            body["User"] = options.User;
        if (spec.ExposedPort is { } port)
            Expose(body, host, port, options);
        return body;
    }

    static void Expose(JsonObject body, JsonObject host, int port, DockerRuntimeOptions options)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{port}/tcp");
        body["ExposedPorts"] = new JsonObject { [key] = new JsonObject() };
        // An empty host port lets the engine pick a free one; with host networking the container's own port is used.
        if (options.ServiceNetworkMode != "host")
            host["PortBindings"] = new JsonObject { [key] = new JsonArray(new JsonObject { ["HostIp"] = options.PublishAddress, ["HostPort"] = "" }) };
    }

    static string Mount(int sizeMb, string exec) => string.Create(CultureInfo.InvariantCulture, $"rw,{exec},nosuid,nodev,size={sizeMb}m,mode=1777");

    static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
