namespace Conveyor.Api.Executors;

/// <summary>What a polling executor says about the job it holds: seed 003's heartbeat, complete and fail bodies.</summary>
public sealed record ExecutorReport
{
    public required string ExecutorId { get; init; }
    public string Stdout { get; init; } = "";
    public string Stderr { get; init; } = "";
    public int? ExitCode { get; init; }
    public string? ErrorMessage { get; init; }

    /// <summary>Beyond seed 003: a failure the executor knows to be passing (its own fault), retried while attempts remain.</summary>
    public bool Retryable { get; init; }
}
