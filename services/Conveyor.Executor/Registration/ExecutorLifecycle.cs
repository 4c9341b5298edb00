using Conveyor.Executor.Attempts;
using Conveyor.Executor.Consumers;
using Microsoft.Extensions.Options;

namespace Conveyor.Executor.Registration;

/// <summary>
/// The executor's life around its work. Start: probe the runtimes, clear containers a previous run of this executor left,
/// register, take work, beat. SIGTERM: stop taking work, let running attempts finish within the grace period, then stop
/// and hand back the rest (each reported retryable, "executor shutting down"; containers removed), and say goodbye.
/// Registered after the bus, so it starts after it and stops before it: reports still leave while it drains.
/// </summary>
public sealed class ExecutorLifecycle(
    ExecutorCapabilities capabilities,
    LeftoverContainers leftovers,
    ExecuteJobEndpoint endpoint,
    ExecutorBeacon beacon,
    RunningAttempts attempts,
    IOptions<ExecutorOptions> options,
    ILogger<ExecutorLifecycle> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await capabilities.Refresh(cancellationToken);
        await leftovers.Remove(cancellationToken);
        await beacon.Start(cancellationToken);
        await endpoint.Connect(cancellationToken);
        logger.LogInformation("Executor {ExecutorId} takes work from pool {Pool} with {Slots} slots", options.Value.ExecutorId, options.Value.Pool,
            options.Value.Slots);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var grace = options.Value.ShutdownGracePeriod;
        logger.LogInformation("Shutting down: no new work; {Running} running attempts get {Grace} to finish", attempts.Count, grace);
        beacon.Draining = true;
        var stopped = endpoint.Stop(cancellationToken);

        using var gracePeriod = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        gracePeriod.CancelAfter(grace);
        try
        {
            await attempts.WhenIdle(gracePeriod.Token);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Grace period over: handing back {Running} running attempts", attempts.Count);
            attempts.HandBackAll();
        }

        await stopped;
        await beacon.Stop(cancellationToken);
    }
}
