namespace Conveyor.Persistence.Jobs;

/// <summary>One try at running a job, on one executor (seed 003's <c>attempts</c>).</summary>
public sealed class AttemptRecord
{
    public Guid AttemptId { get; set; }
    public int Number { get; set; }
    public string? ExecutorId { get; set; }
    public string? ExecutorIp { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string Status { get; set; } = AttemptStatus.Queued;
    public int? ExitCode { get; set; }
    public string? Error { get; set; }

    /// <summary>Where the attempt's exposed port answers, once the executor's probe reached it; kept while the attempt runs.</summary>
    public string? ServiceUrl { get; set; }
}
