namespace Conveyor.Api.Streams;

/// <summary>
/// A job event on its way to stream clients: <see cref="Name"/> is the SSE event name (<c>status</c> or <c>log</c>),
/// <see cref="Data"/> its JSON body. <see cref="Owner"/> is null until jobs have owners.
/// </summary>
public sealed record LiveJobEvent(Guid JobId, string Name, object Data, DateTimeOffset OccurredAt, string? Status = null, string? Owner = null)
{
    public const string StatusEvent = "status";
    public const string LogEvent = "log";

    public bool IsTerminal => Status is "completed" or "failed" or "cancelled";
}
