using Conveyor.Contracts.Jobs;

namespace Conveyor.Scheduler.Tests;

/// <summary>Builds <see cref="SubmitJob"/> commands whose definition would pass the API's validation.</summary>
public static class SubmitJobs
{
    public static readonly DateTimeOffset SubmittedAt = new(2025, 3, 14, 9, 26, 53, TimeSpan.FromHours(2));

    public static SubmitJob For(Guid jobId, JobPriority priority = JobPriority.Background) =>
        new(jobId, Definition(priority), SubmittedAt);

    public static SubmitJob For(Guid jobId, JobDefinition definition) => new(jobId, definition, SubmittedAt);

    public static JobDefinition Definition(JobPriority priority = JobPriority.Background) => new()
    {
        Type = "thumbnail",
        BinaryUrl = "https://artifacts.example.test/thumbnail-1.4.2",
        BinarySha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        Arguments = ["--width", "320"],
        EnvVariables = new Dictionary<string, string> { ["MODE"] = "fast" },
        Priority = priority,
    };
}
