using Conveyor.Contracts.Executors;

namespace Conveyor.Persistence.Executors;

/// <summary>One executor as the registry last heard of it: its profile and its latest heartbeat.</summary>
public sealed class ExecutorRecord
{
    public string ExecutorId { get; set; } = null!;
    public string Pool { get; set; } = null!;
    public ExecutorProfile Profile { get; set; } = new();
    public int Slots { get; set; }
    public int FreeSlots { get; set; }
    public List<RunningAttemptInfo> RunningAttempts { get; set; } = [];
    public long JobsCompleted { get; set; }
    public long JobsFailed { get; set; }
    public bool Draining { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset LastHeartbeatAt { get; set; }

    /// <summary>Set when the executor said it stopped; a silent executor is recognised by an old <see cref="LastHeartbeatAt"/> instead.</summary>
    public DateTimeOffset? StoppedAt { get; set; }
}
