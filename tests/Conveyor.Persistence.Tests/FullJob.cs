using Conveyor.Contracts.Jobs;
using Conveyor.Persistence.Jobs;

namespace Conveyor.Persistence.Tests;

internal static class FullJob
{
    public static readonly DateTimeOffset At = new(2026, 12, 7, 10, 11, 12, 345, TimeSpan.Zero);

    /// <summary>A job with no column left to its default or null, so that a column a writer or reader misses shows.</summary>
    public static JobLifecycleState WithEveryField(Guid id) => new()
    {
        CorrelationId = id,
        CurrentState = "Pending",
        Type = "copy-test",
        BinaryUrl = "http://127.0.0.1/bin",
        BinarySha256 = new string('a', 64),
        Arguments = ["one", "two"],
        EnvVariables = new() { ["A"] = "1" },
        Priority = JobPriority.Foreground,
        Resources = new JobResources { Cpu = 1.5, MemoryMb = 256, Gpu = 1 },
        Pool = "gpu",
        Owner = "owner",
        TimeoutSeconds = 30,
        MaxAttempts = 5,
        RetryOnFailure = true,
        Kind = JobKind.Container,
        Container = new ContainerSpec { Image = "img", Cmd = ["run"], WorkDir = "/w", ExposedPort = 8080, Volumes = [new VolumeMount("v", "/v")] },
        PipelineSteps = [new PipelineStep { Name = "s", Kind = JobKind.Binary, Binary = new BinarySpec { Url = "u", Sha256 = "s" } }],
        PipelineInput = "input",
        StepResults = [new StepResult { Index = 0, Name = "s", Kind = JobKind.Binary, Status = "completed", StartedAt = At, EndedAt = At }],
        DispatchPriority = JobPriority.BestEffort,
        QueuedAt = At,
        CurrentAttemptId = Guid.Empty,
        AttemptCount = 2,
        Attempts = [new AttemptRecord { AttemptId = Guid.Empty, Number = 1, ExecutorId = "e", StartedAt = At, Status = "running" }],
        ExecutorId = "e",
        ExitCode = 7,
        Stdout = "out",
        Stderr = "err",
        Error = "error",
        NextAttemptAt = At,
        LastHeartbeatAt = At,
        DeadlineAt = At,
        CreatedAt = At,
        StartedAt = At,
        CompletedAt = At,
    };
}
