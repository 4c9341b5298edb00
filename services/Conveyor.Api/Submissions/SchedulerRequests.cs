using MassTransit;

namespace Conveyor.Api.Submissions;

/// <summary>
/// How the API asks the scheduler. Requests go with the HTTP request's token: a client that hangs up cancels them
/// (RabbitMQ.Client 7.2.1 fixed the channel corruption a cancelled publish caused in 7.1).
/// </summary>
public static class SchedulerRequests
{
    /// <summary>How long the API waits for the scheduler to answer a submit, cancel or stop before answering 503.</summary>
    public static readonly RequestTimeout AnswerTimeout = RequestTimeout.After(s: 30);
}
