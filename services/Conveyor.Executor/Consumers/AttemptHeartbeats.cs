using Conveyor.Contracts.Attempts;
using Conveyor.Messaging;
using MassTransit;

namespace Conveyor.Executor.Consumers;

/// <summary>Tells the scheduler, every few seconds while an attempt runs, that it is alive here.</summary>
public static class AttemptHeartbeats
{
    public static async Task BeatUntil(IPublishEndpoint bus, Guid jobId, Guid attemptId, string executorId, TimeSpan interval, CancellationToken finished)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(finished))
            {
                try
                {
                    await bus.PublishWithin(new AttemptHeartbeat(jobId, attemptId, executorId, DateTimeOffset.UtcNow), interval, finished);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !finished.IsCancellationRequested)
                {
                    // The broker is away; the next beat tries again.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The attempt ended.
        }
    }
}
