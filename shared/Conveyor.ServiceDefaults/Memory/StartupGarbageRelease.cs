using Microsoft.Extensions.Hosting;

namespace Conveyor.ServiceDefaults.Memory;

/// <summary>
/// Once the service has started, collects the garbage its start left behind (configuration, dependency injection, EF
/// Core's model building, the bus's topology) and gives the freed memory back to the system.
/// </summary>
/// <remarks>
/// Workstation GC collects only when an allocation budget runs out, and an idle service allocates little, so what the
/// start left stayed resident until the first load. An aggressive full collection decommits the free space as well.
/// It runs once, a few seconds after start, when the bus and the hosted services have done their first work.
/// </remarks>
internal sealed class StartupGarbageRelease(IHostApplicationLifetime lifetime) : BackgroundService
{
    static readonly TimeSpan AfterStart = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var _ = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
        await Task.Delay(AfterStart, stoppingToken);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
