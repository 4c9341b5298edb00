using System.Collections.Concurrent;

namespace Conveyor.Api.Streams;

/// <summary>Fans the events this API instance hears out to its connected stream clients.</summary>
public sealed class LiveEventHub(LiveEventRouting routing)
{
    readonly ConcurrentDictionary<LiveSubscription, byte> subscribers = new();

    /// <summary>
    /// A new client's queue of events. The status events are routed to this instance by the time it returns, so a
    /// caller that then reads the job's state misses nothing in between.
    /// </summary>
    public async Task<LiveSubscription> Subscribe(JobStreamFilter filter, CancellationToken cancellationToken)
    {
        var routed = await routing.Hold(cancellationToken);
        var subscription = new LiveSubscription(filter, s =>
        {
            subscribers.TryRemove(s, out _);
            routed.Dispose();
        });
        subscribers[subscription] = 0;
        return subscription;
    }

    public void Publish(LiveJobEvent live)
    {
        foreach (var subscriber in subscribers.Keys)
        {
            if (subscriber.Filter.Matches(live))
                subscriber.Offer(live);
        }
    }
}
