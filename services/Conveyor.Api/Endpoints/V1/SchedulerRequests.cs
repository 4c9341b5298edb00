using MassTransit;

namespace Conveyor.Api.Endpoints.V1;

/// <summary>How the API asks the scheduler.</summary>
public static class SchedulerRequests
{
    /// <summary>
    /// The token a request to the scheduler is sent with: none. A client that hangs up must not cancel a send in flight:
    /// RabbitMQ.Client 7.1 matches replies to requests by order, and a cancelled one can leave the channel answering every
    /// later request wrongly (see BoundedPublish). The request's own timeout still bounds how long the API waits.
    /// </summary>
    public static CancellationToken NotCancelled => CancellationToken.None;

    /// <summary>How long the API waits for the scheduler to answer a submit, cancel or stop before answering 503.</summary>
    public static readonly RequestTimeout AnswerTimeout = RequestTimeout.After(s: 30);
}
