using System.Text;
using System.Text.Json;
using Conveyor.Api.Http;

namespace Conveyor.Api.Streams;

/// <summary>
/// A text/event-stream response: first the <c>state</c> of each snapshot job and the <c>log</c> lines already
/// <paramref name="heard"/> for it, then live events until the client goes away (or, for a one-job stream, until the job
/// ends). Status events the snapshot already reflects are skipped, so a late client never sees a job step backwards, and
/// so are log batches already sent. A comment line every <see cref="KeepAlive"/> keeps proxies from closing it.
/// </summary>
public sealed class ServerSentEventsResult(IReadOnlyList<JobSnapshot> snapshot, LiveSubscription live, bool endWhenTerminal,
    IReadOnlyList<JobLogLines>? heard = null) : IResult
{
    static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    // Database timestamps are kept to the microsecond, message timestamps to 100 ns: the same instant may differ by that much.
    static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(1);

    public async Task ExecuteAsync(HttpContext context)
    {
        using var _ = live;
        var response = context.Response;
        var aborted = context.RequestAborted;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";

        var horizon = snapshot.ToDictionary(job => job.JobId, job => job.AsOf + Tolerance);
        foreach (var job in snapshot)
            await Write(response, "state", job, aborted);
        var sent = new HashSet<JobLogLines>(ReferenceEqualityComparer.Instance);
        foreach (var lines in heard ?? [])
        {
            sent.Add(lines);
            await Write(response, LiveJobEvent.LogEvent, lines, aborted);
        }
        await response.Body.FlushAsync(aborted);
        if (endWhenTerminal && snapshot.All(job => job.IsTerminal))
            return;

        try
        {
            await Follow(response, horizon, sent, aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
    }

    async Task Follow(HttpResponse response, Dictionary<Guid, DateTimeOffset> horizon, HashSet<JobLogLines> sent, CancellationToken aborted)
    {
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            quiet.CancelAfter(KeepAlive);
            try
            {
                if (!await live.Events.WaitToReadAsync(quiet.Token))
                    return;
            }
            catch (OperationCanceledException) when (!aborted.IsCancellationRequested)
            {
                await response.WriteAsync(": keep-alive\n\n", aborted);
                await response.Body.FlushAsync(aborted);
                continue;
            }

            while (live.Events.TryRead(out var next))
            {
                if (next.Name == LiveJobEvent.StatusEvent && horizon.TryGetValue(next.JobId, out var asOf) && next.OccurredAt <= asOf)
                    continue;
                if (next.Data is JobLogLines lines && sent.Contains(lines))
                    continue;
                await Write(response, next.Name, next.Data, aborted);
                if (endWhenTerminal && next.IsTerminal)
                {
                    await response.Body.FlushAsync(aborted);
                    return;
                }
            }
            await response.Body.FlushAsync(aborted);
        }
    }

    static Task Write(HttpResponse response, string name, object data, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(data, data.GetType(), ApiJson.Options);
        return response.WriteAsync(new StringBuilder().Append("event: ").Append(name).Append("\ndata: ").Append(json).Append("\n\n").ToString(), cancellationToken);
    }
}
