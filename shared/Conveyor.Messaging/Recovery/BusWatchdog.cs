using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conveyor.Messaging.Recovery;

/// <summary>
/// Ends the service, for its supervisor to start again, when its bus stays stuck while the broker is up.
/// After a broker restart that cut a message off mid-handling, MassTransit 8.4 over RabbitMQ.Client 7.1 could leave a
/// receive endpoint that never reconnected and publishes that were never confirmed, for good (the crash suite's RabbitMQ
/// restart caught the scheduler so, one run in a few). MassTransit 8.5 and RabbitMQ.Client 7.2 fixed the faulted receive
/// endpoint, but publishes that hang after a broker restart are still an open RabbitMQ.Client issue on 7.2.2, and
/// stopping and starting the bus in process does not heal a stuck channel; a fresh process does. Stuck means: the
/// bus reports itself not healthy, or a publish (the probe, or any of the service's own) goes unconfirmed, for longer than
/// <see cref="BusWatchdogOptions.StuckAfter"/>, while the broker takes a new connection. Ending is safe at any time:
/// every service survives a crash without losing work, and this is a gentler one.
/// </summary>
internal sealed class BusWatchdog(
    IBusControl bus,
    BrokerReachability broker,
    IHostApplicationLifetime lifetime,
    IOptions<BusWatchdogOptions> options,
    IHostEnvironment environment,
    ILogger<BusWatchdog> logger) : BackgroundService
{
    /// <summary>
    /// The exit code that asks for a restart (EX_TEMPFAIL): infra/scripts/supervise.sh, the compose file's restart policy
    /// and the test stack start the service again on it.
    /// </summary>
    public const int RestartExitCode = 75;

    Task? pendingProbe;
    DateTimeOffset? stuckSince;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(settings.CheckInterval, stoppingToken);
            var trouble = await Trouble(settings.ProbeTimeout, stoppingToken);
            if (trouble is null)
            {
                stuckSince = null;
                continue;
            }

            var now = DateTimeOffset.UtcNow;
            if (stuckSince is null)
                logger.LogWarning("The bus looks unwell ({Trouble}); restarting the service if that lasts {StuckAfter:g}", trouble, settings.StuckAfter);
            stuckSince ??= now;
            if (now - stuckSince < settings.StuckAfter)
                continue;
            // A broker that is down explains a sick bus, and the bus reconnects by itself once it is back.
            if (!await broker.Check(stoppingToken))
                continue;

            logger.LogCritical("The bus has been stuck for {StuckFor:g} ({Trouble}) while the broker takes connections; ending the service with exit code {ExitCode} for its supervisor to start it again",
                now - stuckSince.Value, trouble, RestartExitCode);
            Environment.ExitCode = RestartExitCode;
            lifetime.StopApplication();
            return;
        }
    }

    /// <summary>What is wrong with the bus right now, or null when nothing is.</summary>
    async Task<string?> Trouble(TimeSpan probeTimeout, CancellationToken stoppingToken)
    {
        var health = bus.CheckHealth();
        if (health.Status != BusHealthStatus.Healthy)
            return $"{health.Status}: {health.Description}";
        var oldestWait = PendingPublishes.OldestWait(DateTimeOffset.UtcNow);
        if (oldestWait > probeTimeout)
            return $"a publish has waited {oldestWait:g} for the broker";

        // One probe at a time: a probe still waiting for its confirm is waited on again, never sent again. It is never
        // cancelled either: a probe that never returns is the symptom the watchdog is looking for.
        pendingProbe ??= bus.Publish(new BusProbe(environment.ApplicationName, DateTimeOffset.UtcNow), CancellationToken.None);
        await Task.WhenAny(pendingProbe, Task.Delay(probeTimeout, stoppingToken));
        if (!pendingProbe.IsCompleted)
            return "a publish is not confirmed";
        var failure = pendingProbe.Exception?.GetBaseException().Message;
        pendingProbe = null;
        return failure is null ? null : $"a publish failed: {failure}";
    }
}
