using Conveyor.Contracts.Executors;
using Conveyor.Contracts.Jobs;

namespace Conveyor.Executor.Attempts;

/// <summary>
/// One attempt while it runs on this executor. Its <see cref="Token"/> is what every runtime watches: stopping the attempt
/// for any reason (timeout, a stop request, shutdown) cancels it, and the runtimes kill the process tree or remove the container.
/// </summary>
public sealed class RunningAttempt : IDisposable
{
    readonly CancellationTokenSource cancellation = new();
    readonly Action<RunningAttempt> onEnd;
    readonly Timer deadline;
    int reason;

    internal RunningAttempt(ExecuteJob work, TimeSpan timeout, Action<RunningAttempt> onEnd)
    {
        Work = work;
        Timeout = timeout;
        this.onEnd = onEnd;
        deadline = new Timer(_ => Stop(StopReason.Timeout), null, timeout, System.Threading.Timeout.InfiniteTimeSpan);
    }

    public ExecuteJob Work { get; }
    public TimeSpan Timeout { get; }
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
    public CancellationToken Token => cancellation.Token;
    public StopReason StopReason => (StopReason)Volatile.Read(ref reason);
    public string? StopDetail { get; private set; }

    public RunningAttemptInfo Info => new(Work.JobId, Work.AttemptId, Work.Definition.Type, StartedAt);

    /// <summary>Cuts the attempt short; a second reason does not replace the first.</summary>
    public void Stop(StopReason why, string? detail = null)
    {
        if (Interlocked.CompareExchange(ref reason, (int)why, 0) != 0)
            return;
        StopDetail = detail;
        try
        {
            cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // It ended meanwhile.
        }
    }

    public void Dispose()
    {
        deadline.Dispose();
        onEnd(this);
        cancellation.Dispose();
    }
}
