namespace Conveyor.EndToEnd.Tests.Notifications;

/// <summary>One endpoint of the <see cref="WebhookReceiver"/>: what it will answer and what it was sent.</summary>
public sealed class Hook(string url, IEnumerable<int> answers)
{
    readonly Queue<int> answers = new(answers);
    readonly List<ReceivedWebhook> received = [];
    int arrived;

    public string Url { get; } = url;

    /// <summary>How long it sits on each request before answering.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Sent as Retry-After with every 503.</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>Requests that reached the hook, answered or not.</summary>
    public int Arrived => arrived;

    public IReadOnlyList<ReceivedWebhook> Received
    {
        get { lock (received) return [.. received]; }
    }

    internal (int Status, int? RetryAfter) NextAnswer()
    {
        lock (answers)
        {
            var status = answers.Count > 0 ? answers.Dequeue() : 200;
            return (status, status == 503 ? RetryAfterSeconds : null);
        }
    }

    internal void Arrive() => Interlocked.Increment(ref arrived);

    internal void Record(ReceivedWebhook request)
    {
        lock (received) received.Add(request);
    }

    /// <summary>Waits until what was received satisfies <paramref name="done"/>.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitFor(Func<IReadOnlyList<ReceivedWebhook>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTimeOffset.UtcNow < deadline)
        {
            var now = Received;
            if (done(now))
                return now;
            await Task.Delay(50);
        }
        throw new TimeoutException($"{Url} received {Received.Count} request(s): {string.Join(", ", Received.Select(r => $"{r.Event}→{r.AnsweredWith}"))}");
    }
}
