namespace Conveyor.Scheduler.Tests;

/// <summary>The saga states a job can be driven to before an event is applied.</summary>
public enum JobStage
{
    Pending,
    Running,
    Completed,
    Failed,
}
