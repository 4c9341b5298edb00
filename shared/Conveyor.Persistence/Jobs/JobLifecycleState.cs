using Conveyor.Contracts.Jobs;
using MassTransit;

namespace Conveyor.Persistence.Jobs;

/// <summary>
/// One job's durable state: the saga row the scheduler writes and the API reads.
/// It lives here, not in the scheduler, because the API's queries read the same row.
/// </summary>
public sealed class JobLifecycleState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }
    public string CurrentState { get; set; } = null!;

    public string Type { get; set; } = null!;
    public string BinaryUrl { get; set; } = null!;
    public string BinarySha256 { get; set; } = null!;
    public List<string> Arguments { get; set; } = [];
    public Dictionary<string, string> EnvVariables { get; set; } = [];
    public JobPriority Priority { get; set; }

    public Guid? CurrentAttemptId { get; set; }
    public int AttemptCount { get; set; }
    public List<AttemptRecord> Attempts { get; set; } = [];

    public string? ExecutorId { get; set; }
    public int? ExitCode { get; set; }
    public string? Stdout { get; set; }
    public string? Stderr { get; set; }
    public string? Error { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    public AttemptRecord? CurrentAttempt => Attempts.FirstOrDefault(a => a.AttemptId == CurrentAttemptId);
}
