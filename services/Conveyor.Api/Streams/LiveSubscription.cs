using System.Threading.Channels;

namespace Conveyor.Api.Streams;

/// <summary>
/// One stream client's queue of events. It is bounded: a client that cannot keep up is cut off (its stream ends) rather
/// than letting the API's memory grow; on reconnecting it first gets the current state again.
/// </summary>
public sealed class LiveSubscription(JobStreamFilter filter, Action<LiveSubscription> unsubscribe) : IDisposable
{
    public const int Capacity = 4096;

    readonly Channel<LiveJobEvent> channel = Channel.CreateBounded<LiveJobEvent>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public JobStreamFilter Filter { get; } = filter;
    public ChannelReader<LiveJobEvent> Events => channel.Reader;

    public void Offer(LiveJobEvent live)
    {
        if (!channel.Writer.TryWrite(live))
            channel.Writer.TryComplete();
    }

    public void Dispose()
    {
        unsubscribe(this);
        channel.Writer.TryComplete();
    }
}
