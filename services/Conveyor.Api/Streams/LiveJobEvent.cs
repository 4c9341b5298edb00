using Conveyor.Contracts.Jobs;

namespace Conveyor.Api.Streams;

/// <summary>
/// A job event on its way to stream clients: <see cref="Name"/> is the SSE event name (<c>status</c> or <c>log</c>),
/// <see cref="Data"/> its JSON body. <see cref="Job"/> is what the lifecycle event said about the job (owner, type,
/// priority), which stream filters use; log lines carry none.
/// </summary>
public sealed record LiveJobEvent(Guid JobId, string Name, object Data, DateTimeOffset OccurredAt, string? Status = null, JobFacts? Job = null)
{
    public const string StatusEvent = "status";
    public const string LogEvent = "log";

    public bool IsTerminal => Status is "completed" or "failed" or "cancelled";
}
