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

    /// <summary>
    /// Attempts run at once; prefetch never exceeds it. Each attempt spends part of its life waiting for the scheduler's
    /// grant and sending its report, so a few more slots than cores keep the cores busy with short jobs; 8 is what the
    /// job queues Conveyor is compared with run by default. Lower it for jobs that each use whole cores.
    /// </summary>
    [Range(1, 256)] public int Slots { get; set; } = 8;

    [Required] public string DataDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "conveyor-executor");

    [Range(1, 1L << 40)] public long MaxDownloadBytes { get; set; } = 512L * 1024 * 1024;

    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan DefaultJobTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Free-form labels reported in the executor's profile (<c>Executor__Labels__zone=eu-1</c>).</summary>
    public Dictionary<string, string> Labels { get; set; } = [];

    /// <summary>
    /// How often the executor tells the registry it is alive, and each running attempt tells the scheduler (which declares
    /// an attempt lost after 15 s by default; seed 003 executors beat every 5 s).
    /// </summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the runtimes (is the Docker engine answering?) and GPUs are probed again for the profile.</summary>
    public TimeSpan ProfileRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>On SIGTERM, running attempts may finish for this long; then they are stopped and handed back for retry.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Publish stdout and stderr lines as <c>JobLogAppended</c> events while an attempt runs.</summary>
    public bool StreamLogs { get; set; } = true;

    public string CacheDirectory => Path.Combine(DataDirectory, "cache");

    public string WorkDirectory => Path.Combine(DataDirectory, "work");
}
