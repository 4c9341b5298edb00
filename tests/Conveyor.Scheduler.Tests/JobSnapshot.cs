using Conveyor.Persistence.Jobs;

namespace Conveyor.Scheduler.Tests;

/// <summary>
/// A copy of everything the saga records about a job, comparable by value: the in-memory repository hands out the live
/// instance, which the next event changes in place.
/// </summary>
public sealed record JobSnapshot(
    string State,
    Guid? CurrentAttemptId,
    int AttemptCount,
    string? ExecutorId,
    int? ExitCode,
    string? Stdout,
    string? Stderr,
    string? Error,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastHeartbeatAt,
    DateTimeOffset? DeadlineAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string Attempts)
{
    public static JobSnapshot Of(JobLifecycleState job) => new(
        job.CurrentState,
        job.CurrentAttemptId,
        job.AttemptCount,
        job.ExecutorId,
        job.ExitCode,
        job.Stdout,
        job.Stderr,
        job.Error,
        job.NextAttemptAt,
        job.LastHeartbeatAt,
        job.DeadlineAt,
        job.StartedAt,
        job.CompletedAt,
        string.Join(" | ", job.Attempts.Select(a =>
            $"{a.Number} {a.AttemptId} {a.Status} {a.ExecutorId} {a.StartedAt:O} {a.EndedAt:O} {a.ExitCode} {a.Error}")));
}
