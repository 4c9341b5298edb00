using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Conveyor.Notifications.Webhooks;

/// <summary>
/// Sends what <see cref="DeliveryClaims"/> hands out, each delivery on its own task, so that a slow receiver only ever
/// occupies its own subscription's lane. Wakes on new deliveries and finished sends, and polls for retries coming due.
/// </summary>
public sealed class DeliveryDispatcher(
    DeliveryClaims claims,
    WebhookSender sender,
    DeliveryLog log,
    DeliverySignal signal,
    IOptions<NotificationsOptions> options,
    ILogger<DeliveryDispatcher> logger) : BackgroundService
{
    readonly ConcurrentDictionary<Guid, Task> inFlight = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var room = settings.MaxConcurrentDeliveries - inFlight.Count;
                if (room > 0)
                {
                    foreach (var claimed in await claims.Claim(room, stoppingToken))
                        Start(claimed, stoppingToken);
                }
                await signal.Wait(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Could not claim deliveries: {Reason}", ex.Message);
                await Task.Delay(settings.PollInterval, stoppingToken);
            }
        }
        // Sends cut short here keep their lease and are taken up again once it expires.
        await Task.WhenAll(inFlight.Values);
    }

    void Start(ClaimedDelivery claimed, CancellationToken stoppingToken)
    {
        var id = claimed.Delivery.Id;
        var task = Deliver(claimed, stoppingToken);
        inFlight[id] = task;
        task.ContinueWith(_ =>
        {
            inFlight.TryRemove(id, out Task? _);
            signal.Wake();
        }, TaskScheduler.Default);
    }

    async Task Deliver(ClaimedDelivery claimed, CancellationToken stoppingToken)
    {
        try
        {
            var outcome = await sender.Send(claimed, stoppingToken);
            await log.Record(claimed.Delivery, outcome, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Delivery {DeliveryId} of job {JobId} could not be recorded", claimed.Delivery.Id, claimed.Delivery.JobId);
        }
    }
}
