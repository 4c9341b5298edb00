using Conveyor.Contracts.Jobs;

namespace Conveyor.Api.Endpoints.Infernet;

/// <summary>
/// An Infernet job as Conveyor runs it: a pipeline of container steps on one executor, the request's <c>data</c> as the
/// first step's stdin, each step's stdout (which must be JSON) the next one's input. The step names are the container
/// ids, which is how results are told apart later.
/// </summary>
public static class InfernetJobs
{
    /// <summary>The job type every Infernet job has, so the surface finds its own jobs among all the others.</summary>
    public const string Type = "infernet";

    public static JobDefinition Definition(IReadOnlyList<InfernetContainer> chain, string data, InfernetOptions options) => new()
    {
        Type = Type,
        Kind = JobKind.Pipeline,
        // A pipeline of containers has no binary of its own.
        BinaryUrl = "",
        BinarySha256 = "",
        Priority = options.Priority,
        TimeoutSeconds = options.TimeoutSeconds,
        Input = data,
        Steps = chain.Select(container => new PipelineStep
        {
            Name = container.Id,
            Kind = JobKind.Container,
            OutputIsJson = true,
            Container = new ContainerSpec
            {
                Image = container.Image,
                Cmd = container.Command.Count > 0 ? container.Command : null,
                EnvVariables = new Dictionary<string, string>(container.Env),
            },
        }).ToList(),
    };
}
