using System.Diagnostics;

namespace Conveyor.Persistence.Outbox;

/// <summary>
/// Carries a job's trace across the outbox. A message is sent by the dispatcher's loop, long after the transition that
/// staged it has finished, so MassTransit would start a new trace for it; instead the staging activity's W3C
/// <c>traceparent</c> is stored with the row, and delivery runs inside an activity with that parent, which MassTransit's
/// send activity (and so the message's headers) then continues.
/// </summary>
public static class OutboxTracing
{
    public const string SourceName = "Conveyor.Outbox";

    static readonly ActivitySource Source = new(SourceName);

    /// <summary>The current activity's traceparent, or null when nothing is traced (no listener, or a non-W3C id).</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>An activity around one message's delivery, child of the transition that staged it; null when nothing listens.</summary>
    public static Activity? StartDelivery(OutboxMessage message) => Continue(Source, "outbox deliver", message.TraceParent);

    /// <summary>An activity of <paramref name="source"/> whose parent is <paramref name="traceParent"/> (a W3C traceparent), or a new root when there is none.</summary>
    public static Activity? Continue(ActivitySource source, string name, string? traceParent)
    {
        if (traceParent is null || !ActivityContext.TryParse(traceParent, null, isRemote: true, out var parent))
            return source.StartActivity(name, ActivityKind.Internal);
        return source.StartActivity(name, ActivityKind.Internal, parent);
    }
}
