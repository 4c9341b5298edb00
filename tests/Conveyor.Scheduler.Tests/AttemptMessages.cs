using Conveyor.Contracts.Attempts;

namespace Conveyor.Scheduler.Tests;

/// <summary>Builds what an executor sends about an attempt.</summary>
public static class AttemptMessages
{
    public const string ExecutorId = "executor-7";
    public const string ExecutorAddress = "10.0.3.17";
    public const string Stdout = "resized 12 images\n";
    public const string Stderr = "warning: 1 image had no EXIF data\n";
    public const string Error = "checksum mismatch for the downloaded binary";

    public static readonly DateTimeOffset EndedAt = new(2025, 3, 14, 9, 30, 0, TimeSpan.FromHours(2));

    public static StartAttempt Start(Guid jobId, Guid attemptId, string executorId = ExecutorId) =>
        new(jobId, attemptId, executorId, ExecutorAddress);

    public static AttemptCompleted Completed(Guid jobId, Guid attemptId, int exitCode = 0) => new()
    {
        JobId = jobId,
        AttemptId = attemptId,
        ExitCode = exitCode,
        Stdout = Stdout,
        Stderr = Stderr,
        FinishedAt = EndedAt,
    };

    public static AttemptHeartbeat Heartbeat(Guid jobId, Guid attemptId) => new(jobId, attemptId, ExecutorId, DateTimeOffset.UtcNow);

    /// <summary>A failure the executor calls retryable is an infrastructure one (download, engine, shutdown).</summary>
    public static AttemptFailed Failed(Guid jobId, Guid attemptId, bool retryable = false) => new()
    {
        JobId = jobId,
        AttemptId = attemptId,
        Error = Error,
        Retryable = retryable,
        Stdout = Stdout,
        Stderr = Stderr,
        FailedAt = EndedAt,
    };
}
