using System.Text.Json;
using Conveyor.Api.Http;
using Conveyor.Contracts.Jobs;

namespace Conveyor.Api.Queries;

/// <summary>The parts of a job's details that container and pipeline jobs add.</summary>
public static class JobKindDetails
{
    public static ContainerDetails? Container(ContainerSpec? container) => container is null ? null : new ContainerDetails
    {
        Image = container.Image,
        Entrypoint = container.Entrypoint,
        Cmd = container.Cmd,
        WorkDir = container.WorkDir,
        Gpu = container.Gpu,
        ExposedPort = container.ExposedPort,
    };

    public static IReadOnlyList<PipelineStepDetails>? Pipeline(JobKind kind, IReadOnlyList<PipelineStep> steps) => kind != JobKind.Pipeline ? null
        : steps.Select(step => new PipelineStepDetails
        {
            Name = step.Name,
            Kind = JobKindNames.Of(step.Kind),
            BinaryUrl = step.Binary?.Url,
            BinarySha256 = step.Binary?.Sha256,
            Arguments = step.Binary?.Arguments,
            EnvVariables = step.Binary?.EnvVariables ?? step.Container?.EnvVariables ?? new Dictionary<string, string>(),
            Container = Container(step.Container),
        }).ToList();

    public static IReadOnlyList<StepDetails> Steps(IReadOnlyList<StepResult> results) => results.Select(result => new StepDetails
    {
        Index = result.Index,
        Name = result.Name,
        Kind = JobKindNames.Of(result.Kind),
        Status = result.Status,
        ExitCode = result.ExitCode,
        Output = AsJson(result.Stdout),
        Stdout = result.Stdout,
        Stderr = result.Stderr,
        Error = result.Error,
        StartedAt = result.StartedAt.UtcDateTime,
        EndedAt = result.EndedAt.UtcDateTime,
    }).ToList();

    static object? AsJson(string stdout)
    {
        if (string.IsNullOrWhiteSpace(stdout))
            return stdout;
        try
        {
            using var document = JsonDocument.Parse(stdout);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return stdout;
        }
    }
}
