using System.Threading.Channels;
using Conveyor.Contracts.Jobs;
using MassTransit;

namespace Conveyor.Executor.Runtimes.Output;

/// <summary>
/// Streams a running attempt's lines as <see cref="JobLogAppended"/> events, batched (a publish per batch, not per line).
/// Bounded twice: lines beyond the attempt's budget are counted and not sent, and a job that prints faster than the
/// broker takes loses lines from the stream rather than growing the executor. The stored stdout and stderr are unaffected.
/// </summary>
public sealed class AttemptLog : IAsyncDisposable
{
    const int BatchSize = 500;
    static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(200);

    readonly Channel<(string Stream, string Line)> lines = Channel.CreateBounded<(string, string)>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    readonly IPublishEndpoint publisher;
    readonly Guid jobId;
    readonly Guid attemptId;
    readonly int budget;
    readonly ILogger logger;
    readonly Task pump;
    readonly TaskCompletionSource ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    int accepted;
    int skipped;

    public AttemptLog(IPublishEndpoint publisher, Guid jobId, Guid attemptId, int budget, ILogger logger)
    {
        this.publisher = publisher;
        this.jobId = jobId;
        this.attemptId = attemptId;
        this.budget = budget;
        this.logger = logger;
        pump = Task.Run(Pump);
    }

    public void Line(string stream, string line)
    {
        if (Interlocked.Increment(ref accepted) > budget || !lines.Writer.TryWrite((stream, line)))
            Interlocked.Increment(ref skipped);
    }

    async Task Pump()
    {
        var reader = lines.Reader;
        while (await reader.WaitToReadAsync())
        {
            // Let a burst gather so that it leaves as one message; the end of the attempt cuts the wait short.
            await Task.WhenAny(ended.Task, Task.Delay(BatchWindow));
            while (reader.TryPeek(out var first))
            {
                var batch = new List<string>();
                while (batch.Count < BatchSize && reader.TryPeek(out var next) && next.Stream == first.Stream)
                {
                    reader.TryRead(out _);
                    batch.Add(next.Line);
                }
                await Publish(first.Stream, batch);
            }
        }
    }

    async Task Publish(string stream, IReadOnlyList<string> batch)
    {
        try
        {
            await publisher.Publish(new JobLogAppended { JobId = jobId, AttemptId = attemptId, Stream = stream, Lines = batch, At = DateTimeOffset.UtcNow });
        }
        catch (Exception ex)
        {
            logger.LogWarning("Log lines of attempt {AttemptId} could not be published: {Reason}", attemptId, ex.Message);
        }
    }

    /// <summary>Sends what is left (and a note of what was not streamed), so log events come before the attempt's result.</summary>
    public async ValueTask DisposeAsync()
    {
        lines.Writer.TryComplete();
        ended.TrySetResult();
        await pump.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (skipped > 0)
            await Publish("stderr", [$"[conveyor: {skipped} lines were not streamed; stdout and stderr keep the head and the tail]"]);
    }
}
