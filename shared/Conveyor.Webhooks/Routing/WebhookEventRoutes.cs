using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Messaging.Topology;
using Conveyor.Persistence.Webhooks;

namespace Conveyor.Webhooks.Routing;

/// <summary>
/// Which broker exchange carries each job event a subscription can name, and the queue notifications records them from.
/// The exchanges are the ones MassTransit publishes each message type to (<see cref="MessageExchange"/>).
/// </summary>
public static class WebhookEventRoutes
{
    /// <summary>Notifications' queue for the job events, and the exchange of the same name in front of it.</summary>
    public const string QueueName = "webhook-events";

    static readonly IReadOnlyDictionary<string, Type> MessageTypes = new Dictionary<string, Type>
    {
        [WebhookEvents.Submitted] = typeof(JobSubmitted),
        [WebhookEvents.Started] = typeof(AttemptStarted),
        [WebhookEvents.Completed] = typeof(JobCompleted),
        [WebhookEvents.Failed] = typeof(JobFailed),
        [WebhookEvents.Cancelled] = typeof(JobCancelled),
        [WebhookEvents.Retried] = typeof(JobRetryScheduled),
    };

    /// <summary>Every event's exchange.</summary>
    public static IReadOnlyList<string> AllExchanges { get; } = [.. MessageTypes.Values.Select(MessageExchange.Of)];

    /// <summary>The exchanges of the named events; names that are not events have none.</summary>
    public static IReadOnlySet<string> ExchangesOf(IEnumerable<string> events) =>
        events.Where(MessageTypes.ContainsKey).Select(e => MessageExchange.Of(MessageTypes[e])).ToHashSet();
}
