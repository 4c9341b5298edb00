using Conveyor.Contracts.Attempts;
using Conveyor.Contracts.Jobs;

namespace Conveyor.Executor.Attempts;

/// <summary>Turns an attempt's outcome into the one report the saga hears.</summary>
public static class AttemptReports
{
    public static object Of(ExecuteJob work, AttemptOutcome outcome) => outcome.ExitCode is { } exitCode
        ? new AttemptCompleted
        {
            JobId = work.JobId,
            AttemptId = work.AttemptId,
            ExitCode = exitCode,
            Stdout = outcome.Stdout,
            Stderr = outcome.Stderr,
            Error = exitCode == 0 ? null : outcome.Error,
            Steps = outcome.Steps,
            FinishedAt = DateTimeOffset.UtcNow,
        }
        : new AttemptFailed
        {
            JobId = work.JobId,
            AttemptId = work.AttemptId,
            Error = outcome.Error ?? "the attempt did not run to its end",
            Retryable = outcome.Retryable,
            Stdout = outcome.Stdout,
            Stderr = outcome.Stderr,
            Steps = outcome.Steps,
            FailedAt = DateTimeOffset.UtcNow,
        };
}
