using System.ComponentModel.DataAnnotations;

namespace Conveyor.Executor.Runtimes.Docker;

/// <summary>Section <c>Executor:Docker</c>: where the engine is and how containers are confined.</summary>
public sealed class DockerRuntimeOptions
{
    public const string Section = "Executor:Docker";

    /// <summary>Offer the docker runtime when the engine answers; false never offers it.</summary>
    public bool Enabled { get; set; } = true;

    [Required] public string SocketPath { get; set; } = "/var/run/docker.sock";

    /// <summary>
    /// Engine API version every request is pinned to; 1.41 (Docker 20.10, Debian 12's docker.io) is the oldest with
    /// everything used here, and the newest that engine speaks.
    /// </summary>
    [Required, RegularExpression(@"^\d+\.\d+$")] public string ApiVersion { get; set; } = "1.41";

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Pull an image the engine does not have; false fails such jobs at once (air-gapped executors).</summary>
    public bool PullImages { get; set; } = true;

    public TimeSpan PullTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Memory of a container whose job does not set <c>resources.memory_mb</c>.</summary>
    [Range(4, 1 << 24)] public long DefaultMemoryMb { get; set; } = 1024;

    /// <summary>CPUs of a container whose job does not set <c>resources.cpu</c>.</summary>
    [Range(0.01, 1024)] public double DefaultCpus { get; set; } = 1;

    [Range(1, 1 << 22)] public long PidsLimit { get; set; } = 512;

    /// <summary>Size of the writable <c>/work</c> directory (tmpfs; the rest of the root filesystem is read-only).</summary>
    [Range(1, 1 << 20)] public int WorkDirSizeMb { get; set; } = 256;

    [Range(1, 1 << 20)] public int TmpSizeMb { get; set; } = 64;

    /// <summary>User the container runs as; the image's own when unset.</summary>
    public string? User { get; set; }

    /// <summary>Network of a container that exposes a port (all others have none).</summary>
    [Required] public string ServiceNetworkMode { get; set; } = "bridge";

    /// <summary>Host address an exposed port is published on.</summary>
    [Required] public string PublishAddress { get; set; } = "127.0.0.1";

    /// <summary>Host name in an exposed port's URL, as clients reach this executor; <see cref="PublishAddress"/> when unset.</summary>
    public string? ServiceHost { get; set; }
}
