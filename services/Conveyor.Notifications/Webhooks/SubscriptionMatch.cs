using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Webhooks;

namespace Conveyor.Notifications.Webhooks;

/// <summary>Whether a subscription's filters (job type, priority, owner) take an event, judged from the event alone.</summary>
public static class SubscriptionMatch
{
    /// <param name="job">The facts the event carries; an event without them matches only filters on its type.</param>
    public static bool Takes(WebhookSubscription subscription, string type, JobFacts? job) =>
        (subscription.JobType is null || subscription.JobType == type)
        && (subscription.Priority is null || subscription.Priority == job?.Priority)
        && (subscription.Owner is null || subscription.Owner == job?.Owner);
}
