namespace Conveyor.Contracts.Jobs;

/// <summary>
/// Records a job that runs outside Conveyor (Infernet's <c>PUT /api/status</c>): the first record creates it as it
/// stands, later ones move a running one to its end, and a finished one never moves again. Answered by
/// <see cref="JobCommandAccepted"/>, or <see cref="JobCommandRejected"/> when the id names a job Conveyor runs itself.
/// </summary>
public sealed record RecordExternalJob(Guid JobId, string Type, ExternalJobStatus Status, IReadOnlyList<string> Steps, DateTimeOffset At)
    : IJobMessage
{
    /// <summary>Who recorded it (an API key's name, or a client's address); null when not known.</summary>
    public string? Owner { get; init; }
}

public enum ExternalJobStatus
{
    Running = 0,
    Succeeded = 1,
    Failed = 2,
}
