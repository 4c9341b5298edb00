namespace Conveyor.Notifications.Webhooks;

/// <summary>Wakes the dispatcher when there is something new to send, so that deliveries do not wait for the next poll.</summary>
public sealed class DeliverySignal
{
    readonly SemaphoreSlim signal = new(0, 1);

    public void Wake()
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake; one pending wake-up covers any number of new deliveries.
        }
    }

    public Task Wait(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}
