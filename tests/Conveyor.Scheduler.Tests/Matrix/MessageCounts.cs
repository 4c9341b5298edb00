using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;

namespace Conveyor.Scheduler.Tests.Matrix;

/// <summary>How many of each message the saga has sent or published so far, to compare before and after one event.</summary>
public sealed record MessageCounts(
    int ExecuteJob, int AttemptStarted, int StopAttempt, int JobRetryScheduled, int JobCompleted, int JobFailed, int JobCancelled, int JobSubmitted)
{
    public int Outcomes => JobCompleted + JobFailed + JobCancelled;

    public static MessageCounts Of(SchedulerHarness scheduler) => new(
        scheduler.Sent<ExecuteJob>().Count,
        scheduler.Published<AttemptStarted>().Count,
        scheduler.Published<StopAttempt>().Count,
        scheduler.Published<JobRetryScheduled>().Count,
        scheduler.Published<JobCompleted>().Count,
        scheduler.Published<JobFailed>().Count,
        scheduler.Published<JobCancelled>().Count,
        scheduler.Published<JobSubmitted>().Count);

    /// <summary>One of each message the flags name, none of the others.</summary>
    public static MessageCounts Expected(Emitted emitted) => new(
        One(emitted, Emitted.ExecuteJob),
        One(emitted, Emitted.AttemptStarted),
        One(emitted, Emitted.StopAttempt),
        One(emitted, Emitted.JobRetryScheduled),
        One(emitted, Emitted.JobCompleted),
        One(emitted, Emitted.JobFailed),
        One(emitted, Emitted.JobCancelled),
        JobSubmitted: 0);

    public static MessageCounts operator -(MessageCounts after, MessageCounts before) => new(
        after.ExecuteJob - before.ExecuteJob,
        after.AttemptStarted - before.AttemptStarted,
        after.StopAttempt - before.StopAttempt,
        after.JobRetryScheduled - before.JobRetryScheduled,
        after.JobCompleted - before.JobCompleted,
        after.JobFailed - before.JobFailed,
        after.JobCancelled - before.JobCancelled,
        after.JobSubmitted - before.JobSubmitted);

    static int One(Emitted emitted, Emitted message) => emitted.HasFlag(message) ? 1 : 0;
}
