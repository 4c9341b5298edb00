namespace Conveyor.Contracts.Jobs;

/// <summary>Asks the scheduler to take ownership of a new job; answered by <see cref="JobAccepted"/> once it is durably recorded.</summary>
public sealed record SubmitJob(Guid JobId, JobDefinition Definition, DateTimeOffset SubmittedAt) : IJobMessage
{
    /// <summary>Who submitted it (an API key's name); null when the API runs without keys.</summary>
    public string? Owner { get; init; }

    /// <summary>
    /// The W3C traceparent of the request that submitted it, when traced: jobs submitted together travel in one batch
    /// message, and each keeps its own trace through this.
    /// </summary>
    public string? TraceParent { get; init; }
}
