namespace Conveyor.Persistence.Outbox;

/// <summary>Wakes the dispatcher as soon as a transaction with outbox messages commits, so delivery does not wait for its poll.</summary>
public sealed class OutboxSignal
{
    readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
        if (signal.CurrentCount == 0)
        {
            try { signal.Release(); }
            catch (SemaphoreFullException) { /* already signalled */ }
        }
    }

    public Task<bool> Wait(TimeSpan timeout, CancellationToken cancellationToken) => signal.WaitAsync(timeout, cancellationToken);
}
