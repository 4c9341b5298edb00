using System.Text.Json;
using System.Threading.Channels;
using Conveyor.Api.Streams;

namespace Conveyor.Api.Endpoints.Nosana;

/// <summary>
/// What a WebSocket subscription sends. <c>/status</c>: the job's state updates from <see cref="NosanaJobFeed"/>, each
/// once, as <c>{"path":"state","data":"{status, state, timestamp, index}"}</c>, re-read whenever the job's status changes,
/// until it ends. <c>/log</c>: its output lines as <c>{"path":"log","data":"{log, method, type, timestamp, job,
/// payload}"}</c>, the op in <c>payload.operationId</c>: of an ended job, every line from the table; of a running
/// one, the lines this API instance has heard so far (<see cref="RecentJobLogs"/>), then the live ones. <c>data</c> is a
/// JSON string, as the node sends it. Times are epoch milliseconds.
/// </summary>
public sealed class NosanaStreams(NosanaJobFeed feed, LiveEventHub hub, RecentJobLogs recentLogs)
{
    const string Method = "container/run";

    /// <returns>A refusal to send, or the task following the job until it ends or the socket closes.</returns>
    public async Task<(string? Refusal, Task? Following)> Open(NosanaSocketMessage message, string signer, ChannelWriter<string> frames,
        CancellationToken cancellationToken)
    {
        if (message.JobAddress is not { } jobAddress || !NosanaJobId.IsValid(jobAddress) || string.IsNullOrEmpty(message.Address))
            return (NosanaSocket.InvalidParams, null);
        if (message.Address != signer)
            return (NosanaSocket.InvalidAddress, null);
        var jobId = NosanaJobId.ToJobId(jobAddress);
        // Listening starts before the history is read, so that nothing in between is missed.
        var live = await hub.Subscribe(JobStreamFilter.ForJob(jobId), cancellationToken);
        try
        {
            var history = await feed.Read(jobId, cancellationToken);
            if (history is null)
                return (NosanaSocket.InvalidParams, null);
            if (history.Owner != signer)
                return (NosanaSocket.InvalidAddress, null);
            var following = message.Path == "/status"
                ? FollowStates(jobId, history, live, frames, cancellationToken)
                : FollowLogs(jobAddress, history, recentLogs.Of(jobId), live, frames, cancellationToken);
            live = null;
            return (null, following);
        }
        finally
        {
            live?.Dispose();
        }
    }

    async Task FollowStates(Guid jobId, NosanaJobFeed.History history, LiveSubscription live, ChannelWriter<string> frames,
        CancellationToken cancellationToken)
    {
        using var _ = live;
        var sent = new HashSet<string>(StringComparer.Ordinal);
        await SendStates(history, sent, frames, cancellationToken);
        if (history.Finished)
            return;
        await foreach (var change in live.Events.ReadAllAsync(cancellationToken))
        {
            if (change.Name != LiveJobEvent.StatusEvent || await feed.Read(jobId, cancellationToken) is not { } now)
                continue;
            await SendStates(now, sent, frames, cancellationToken);
            if (now.Finished)
                return;
        }
    }

    static async Task SendStates(NosanaJobFeed.History history, HashSet<string> sent, ChannelWriter<string> frames, CancellationToken cancellationToken)
    {
        foreach (var update in history.States)
        {
            if (!sent.Add(update.Key))
                continue;
            var data = new { status = update.Status, state = update.State, timestamp = update.At.ToUnixTimeMilliseconds(), index = sent.Count - 1 };
            await frames.WriteAsync(Frame("state", data), cancellationToken);
        }
    }

    async Task FollowLogs(string jobAddress, NosanaJobFeed.History history, IReadOnlyList<JobLogLines> heard, LiveSubscription live,
        ChannelWriter<string> frames, CancellationToken cancellationToken)
    {
        using var _ = live;
        if (history.Finished)
        {
            foreach (var line in history.Logs)
                await frames.WriteAsync(LogFrame(jobAddress, line.Line, line.Stream, line.At, line.OperationId), cancellationToken);
            return;
        }
        var seen = new HashSet<JobLogLines>(heard, ReferenceEqualityComparer.Instance);
        foreach (var batch in heard)
            await SendLines(jobAddress, history.OperationIds, batch, frames, cancellationToken);
        await foreach (var change in live.Events.ReadAllAsync(cancellationToken))
        {
            if (change.Data is JobLogLines batch && !seen.Contains(batch))
                await SendLines(jobAddress, history.OperationIds, batch, frames, cancellationToken);
            if (change.IsTerminal)
                return;
        }
    }

    static async Task SendLines(string jobAddress, IReadOnlyList<string> operationIds, JobLogLines batch, ChannelWriter<string> frames,
        CancellationToken cancellationToken)
    {
        var operationId = batch.Step >= 0 && batch.Step < operationIds.Count ? operationIds[batch.Step] : null;
        foreach (var line in batch.Lines)
            await frames.WriteAsync(LogFrame(jobAddress, line, batch.Stream, new DateTimeOffset(batch.At, TimeSpan.Zero), operationId), cancellationToken);
    }

    static string LogFrame(string jobAddress, string log, string stream, DateTimeOffset at, string? operationId)
    {
        var data = new Dictionary<string, object?>
        {
            ["log"] = log,
            ["method"] = Method,
            ["type"] = stream,
            ["timestamp"] = at.ToUnixTimeMilliseconds(),
            ["job"] = jobAddress,
        };
        if (operationId is not null)
            data["payload"] = new { operationId };
        return Frame("log", data);
    }

    static string Frame(string path, object data) => JsonSerializer.Serialize(new { path, data = JsonSerializer.Serialize(data) });
}
