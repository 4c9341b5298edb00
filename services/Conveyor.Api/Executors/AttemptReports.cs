using Conveyor.Contracts.Attempts;

namespace Conveyor.Api.Executors;

/// <summary>A polling executor's report as the attempt message a queue executor would publish for the same outcome.</summary>
public static class AttemptReports
{
    public static AttemptCompleted Completed(HolderCheck held, ExecutorReport report, int exitCode) => new()
    {
        JobId = held.JobId,
        AttemptId = held.AttemptId!.Value,
        ExitCode = exitCode,
        Stdout = report.Stdout,
        Stderr = report.Stderr,
        Error = exitCode == 0 ? null : report.ErrorMessage,
        FinishedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>
    /// A failure with a non-zero exit code is the job's own (its exit code is kept, and <c>retry_on_failure</c> decides);
    /// one without is the executor's (it could not run the job), retried only when the executor says it is retryable.
    /// </summary>
    public static object Failed(HolderCheck held, ExecutorReport report) => report.ExitCode is { } code and not 0
        ? Completed(held, report, code) with { Error = report.ErrorMessage ?? $"the binary exited with code {code}" }
        : new AttemptFailed
        {
            JobId = held.JobId,
            AttemptId = held.AttemptId!.Value,
            Error = report.ErrorMessage ?? "the executor reported a failure",
            Retryable = report.Retryable,
            Stdout = report.Stdout,
            Stderr = report.Stderr,
            FailedAt = DateTimeOffset.UtcNow,
        };
}
