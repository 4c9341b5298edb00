namespace Conveyor.Scheduler.Tests;

/// <summary>The messages one event makes the saga send or publish (answers aside), each at most once.</summary>
[Flags]
public enum Emitted
{
    None = 0,
    ExecuteJob = 1,
    AttemptStarted = 2,
    StopAttempt = 4,
    JobRetryScheduled = 8,
    JobCompleted = 16,
    JobFailed = 32,
    JobCancelled = 64,
}
