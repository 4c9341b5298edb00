using System.ComponentModel.DataAnnotations;

namespace Conveyor.Executor;

/// <summary>Section <c>Executor</c>; environment variables such as <c>Executor__Slots</c> override.</summary>
public sealed class ExecutorOptions
{
    public const string Section = "Executor";

    /// <summary>Stable name of this executor; defaults to the host name plus a random suffix so that two on one host differ.</summary>
    [Required] public string ExecutorId { get; set; } = $"{Environment.MachineName}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Address reported with each attempt; defaults to the first non-loopback IPv4 address.</summary>
    public string? Address { get; set; }

    [Required] public string Pool { get; set; } = "cpu";

    /// <summary>Attempts run at once; prefetch never exceeds it.</summary>
    [Range(1, 256)] public int Slots { get; set; } = 2;

    [Required] public string DataDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "conveyor-executor");

    [Range(1, 1L << 40)] public long MaxDownloadBytes { get; set; } = 512L * 1024 * 1024;

    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan DefaultJobTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often a running attempt reports it is alive (the scheduler declares it lost after 15 s by default).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    public string CacheDirectory => Path.Combine(DataDirectory, "cache");

    public string WorkDirectory => Path.Combine(DataDirectory, "work");
}
