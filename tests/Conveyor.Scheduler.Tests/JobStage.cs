namespace Conveyor.Scheduler.Tests;

/// <summary>The saga states a job can be driven to before an event is applied (named exactly like the machine's states).</summary>
public enum JobStage
{
    Pending,
    Waiting,
    Running,
    Stopping,
    Completed,
    Failed,
    Cancelled,
}
