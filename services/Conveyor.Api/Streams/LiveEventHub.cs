using System.Collections.Concurrent;

namespace Conveyor.Api.Streams;

/// <summary>Fans the events this API instance hears out to its connected stream clients.</summary>
public sealed class LiveEventHub
{
    readonly ConcurrentDictionary<LiveSubscription, byte> subscribers = new();

    public LiveSubscription Subscribe(JobStreamFilter filter)
    {
        var subscription = new LiveSubscription(filter, s => subscribers.TryRemove(s, out _));
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
