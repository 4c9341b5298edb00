using Conveyor.Contracts.Jobs;
using Conveyor.Messaging;
using MassTransit;

namespace Conveyor.Executor.Runtimes.Process;

/// <summary>
/// Publishes what a running attempt prints as <see cref="JobLogAppended"/>, batched: a batch leaves every
/// <see cref="FlushInterval"/> or once it holds <see cref="MaxLinesPerBatch"/> lines. It is bounded: lines are cut at
/// <see cref="MaxLineLength"/>, and when the broker cannot keep up, lines past <see cref="MaxBufferedLines"/> are dropped
/// and counted in a marker line. Live logs are a view; the attempt's captured output remains the record.
/// </summary>
public sealed class JobLogBatcher : IAsyncDisposable
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(200);
    public const int MaxLinesPerBatch = 100;
    public const int MaxBufferedLines = 2000;
    public const int MaxLineLength = 4096;

    readonly IPublishEndpoint bus;
    readonly Guid jobId;
    readonly Guid attemptId;
    readonly ILogger logger;
    readonly List<(string Stream, string Line, int Step)> buffered = [];
    readonly SemaphoreSlim full = new(0, 1);
    readonly CancellationTokenSource stopping = new();
    readonly Task flushing;
    long dropped;

    public JobLogBatcher(IPublishEndpoint bus, Guid jobId, Guid attemptId, ILogger logger)
    {
        this.bus = bus;
        this.jobId = jobId;
        this.attemptId = attemptId;
        this.logger = logger;
        flushing = Task.Run(FlushUntilStopped);
    }

    public void Append(string stream, string line, int step = 0)
    {
        lock (buffered)
        {
            if (buffered.Count >= MaxBufferedLines)
            {
                dropped++;
                return;
            }
            buffered.Add((stream, line.Length > MaxLineLength ? line[..MaxLineLength] : line, step));
            if (buffered.Count == MaxLinesPerBatch && full.CurrentCount == 0)
                full.Release();
        }
    }

    async Task FlushUntilStopped()
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await full.WaitAsync(FlushInterval, stopping.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            await Flush();
        }
    }

    async Task Flush()
    {
        List<(string Stream, string Line, int Step)> batch;
        lock (buffered)
        {
            if (dropped > 0)
                buffered.Add(("stderr", $"[conveyor: {dropped} log lines dropped from the live view]", buffered.Count > 0 ? buffered[^1].Step : 0));
            dropped = 0;
            batch = [.. buffered];
            buffered.Clear();
        }

        // Consecutive lines of one stream and step go out together, so that the order across stdout and stderr is kept.
        for (var start = 0; start < batch.Count;)
        {
            var (stream, _, step) = batch[start];
            var end = start;
            while (end < batch.Count && batch[end].Stream == stream && batch[end].Step == step && end - start < MaxLinesPerBatch)
                end++;
            await Publish(stream, step, batch[start..end].Select(entry => entry.Line).ToList());
            start = end;
        }
    }

    async Task Publish(string stream, int step, IReadOnlyList<string> lines)
    {
        try
        {
            // Bounded: the last flush runs before the attempt is reported, and a publish caught on a connection lost with a
            // broker node can wait for a confirm that never comes (see BoundedPublish); the attempt's report must not wait with it.
            await bus.PublishWithin(new JobLogAppended
            {
                JobId = jobId, AttemptId = attemptId, Stream = stream, Lines = lines, At = DateTimeOffset.UtcNow, StepIndex = step,
            }, BoundedPublish.DefaultTimeout, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning("Live log lines of attempt {AttemptId} could not be published: {Reason}", attemptId, ex.Message);
        }
    }

    /// <summary>Sends what is left; called once the process has exited, before the attempt is reported.</summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await flushing;
        await Flush();
        stopping.Dispose();
        full.Dispose();
    }
}
