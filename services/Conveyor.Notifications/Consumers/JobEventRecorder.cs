using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;
using Conveyor.Notifications.Webhooks;
using MassTransit;

namespace Conveyor.Notifications.Consumers;

/// <summary>
/// Turns each lifecycle event into stored deliveries, one per matching subscription, before the message is acknowledged:
/// an event is either stored for every subscriber or redelivered by the broker. Sending happens elsewhere, so a slow
/// receiver never holds this queue.
/// </summary>
public sealed class JobEventRecorder(DeliveryRecorder deliveries) :
    IConsumer<JobSubmitted>, IConsumer<AttemptStarted>, IConsumer<JobRetryScheduled>,
    IConsumer<JobCompleted>, IConsumer<JobFailed>, IConsumer<JobCancelled>
{
    public Task Consume(ConsumeContext<JobSubmitted> context) => Record(context, JobEventNotices.Of(context.Message));

    public Task Consume(ConsumeContext<AttemptStarted> context) => Record(context, JobEventNotices.Of(context.Message));

    public Task Consume(ConsumeContext<JobRetryScheduled> context) =>
        Record(context, JobEventNotices.Of(context.Message, context.SentTime ?? DateTime.UtcNow));

    public Task Consume(ConsumeContext<JobCompleted> context) => Record(context, JobEventNotices.Of(context.Message));

    public Task Consume(ConsumeContext<JobFailed> context) => Record(context, JobEventNotices.Of(context.Message));

    public Task Consume(ConsumeContext<JobCancelled> context) => Record(context, JobEventNotices.Of(context.Message));

    // The message id is stable across broker redeliveries, so a message seen twice is stored once per subscription.
    Task Record(ConsumeContext context, JobEventNotice notice) =>
        deliveries.Record(notice, context.MessageId ?? NewId.NextGuid(), context.CancellationToken);
}
