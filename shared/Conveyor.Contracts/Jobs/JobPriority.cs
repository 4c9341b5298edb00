namespace Conveyor.Contracts.Jobs;

/// <summary>The three tiers of work, highest first; the numeric value is the RabbitMQ message priority.</summary>
public enum JobPriority
{
    BestEffort = 1,
    Background = 2,
    Foreground = 3,
}
