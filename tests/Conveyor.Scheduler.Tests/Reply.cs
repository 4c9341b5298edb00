namespace Conveyor.Scheduler.Tests;

/// <summary>What the saga answers to an event: reports and supervision events are never answered, requests always are.</summary>
public enum Reply
{
    None,
    Accepted,
    Granted,
    Refused,
    CommandAccepted,
    CommandRejected,
    NotFound,
}
