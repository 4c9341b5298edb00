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
    public JobResources Resources { get; set; } = new();
    public string Pool { get; set; } = "cpu";

    /// <summary>The API key that submitted the job (its name); null when keys are off. Only it (or an admin) sees the job.</summary>
    public string? Owner { get; set; }
    public int? TimeoutSeconds { get; set; }
    public int MaxAttempts { get; set; }
    public bool RetryOnFailure { get; set; }

    public JobKind Kind { get; set; }
    public ContainerSpec? Container { get; set; }
    public List<PipelineStep> PipelineSteps { get; set; } = [];
    public string? PipelineInput { get; set; }

    /// <summary>The intermediate results of a pipeline's steps, from its latest attempt.</summary>
    public List<StepResult> StepResults { get; set; } = [];

    /// <summary>The priority the queued attempt's work was last sent with: the job's own, or higher once aging moved it up.</summary>
    public JobPriority DispatchPriority { get; set; }

    /// <summary>When the current attempt's work was queued; priority aging counts from here.</summary>
    public DateTimeOffset? QueuedAt { get; set; }

    public Guid? CurrentAttemptId { get; set; }
    public int AttemptCount { get; set; }
    public List<AttemptRecord> Attempts { get; set; } = [];

    public string? ExecutorId { get; set; }
    public int? ExitCode { get; set; }
    public string? Stdout { get; set; }
    public string? Stderr { get; set; }
    public string? Error { get; set; }

    /// <summary>When a waiting retry is due; the scheduler's sweeper dispatches it then.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>Last sign of life of the running attempt (grant or heartbeat); supervision marks it lost when this grows old.</summary>
    public DateTimeOffset? LastHeartbeatAt { get; set; }

    /// <summary>When the running attempt exceeds the job's timeout.</summary>
    public DateTimeOffset? DeadlineAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }

    public AttemptRecord? CurrentAttempt => Attempts.FirstOrDefault(a => a.AttemptId == CurrentAttemptId);
}
