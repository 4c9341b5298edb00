using Conveyor.Contracts.Executors;
using Conveyor.Executor.Attempts;
using Conveyor.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Registration;

/// <summary>
/// Tells the registry about this executor: its profile at start, a heartbeat with its running attempts, free slots and
/// profile every <see cref="ExecutorOptions.HeartbeatInterval"/> (the runtimes and GPUs probed again every
/// <see cref="ExecutorOptions.ProfileRefreshInterval"/>), and a last word when it stops. A publish that fails is logged
/// and tried again at the next beat.
/// </summary>
public sealed class ExecutorBeacon(
    IBus bus,
    ExecutorCapabilities capabilities,
    ExecutorProfileProbe profile,
    RunningAttempts attempts,
    IOptions<ExecutorOptions> options,
    ILogger<ExecutorBeacon> logger)
{
    readonly CancellationTokenSource stopping = new();
    Task beating = Task.CompletedTask;
    ExecutorProfile current = new();

    /// <summary>True once shutdown has begun; heartbeats say so.</summary>
    public bool Draining { get; set; }

    public async Task Start(CancellationToken cancellationToken)
    {
        current = profile.Read();
        await Try(() => bus.PublishWithin(new ExecutorRegistered(options.Value.ExecutorId, current, DateTimeOffset.UtcNow), BoundedPublish.DefaultTimeout,
            cancellationToken), "profile", cancellationToken);
        beating = Task.Run(() => Beat(stopping.Token), CancellationToken.None);
    }

    public async Task Stop(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await beating.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await Try(() => bus.PublishWithin(new ExecutorStopped(options.Value.ExecutorId, DateTimeOffset.UtcNow), BoundedPublish.DefaultTimeout, cancellationToken),
            "goodbye", cancellationToken);
    }

    async Task Beat(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var nextProfile = DateTimeOffset.UtcNow + settings.ProfileRefreshInterval;
        using var timer = new PeriodicTimer(settings.HeartbeatInterval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            await Try(() => bus.PublishWithin(Heartbeat(), settings.HeartbeatInterval, cancellationToken), "heartbeat", cancellationToken);
            if (DateTimeOffset.UtcNow < nextProfile)
                continue;
            nextProfile = DateTimeOffset.UtcNow + settings.ProfileRefreshInterval;
            await capabilities.Refresh(cancellationToken);
            current = profile.Read();
        }
    }

    ExecutorHeartbeat Heartbeat()
    {
        var running = attempts.Current;
        return new ExecutorHeartbeat
        {
            ExecutorId = options.Value.ExecutorId,
            Pool = options.Value.Pool,
            Slots = options.Value.Slots,
            FreeSlots = Draining ? 0 : Math.Max(0, options.Value.Slots - running.Count),
            RunningAttempts = running.Select(attempt => attempt.Info).ToList(),
            JobsCompleted = attempts.Completed,
            JobsFailed = attempts.Failed,
            Draining = Draining,
            Profile = current,
            At = DateTimeOffset.UtcNow,
        };
    }

    async Task Try(Func<Task> publish, string what, CancellationToken cancellationToken)
    {
        try
        {
            await publish();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Executor {What} could not be published: {Reason}", what, ex.Message);
        }
    }
}
