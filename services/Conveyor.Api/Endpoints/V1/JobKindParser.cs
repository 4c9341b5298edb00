using System.Text.Json;
using Conveyor.Api.Http;
using Conveyor.Contracts.Jobs;

namespace Conveyor.Api.Endpoints.V1;

/// <summary>
/// The optional <c>kind</c> of a job (<c>binary</c> by default, so seed-003 clients need not send it) and the fields a
/// container or pipeline job adds. A job that asks for GPUs in its containers is routed like one that asks in <c>resources</c>.
/// </summary>
public static class JobKindParser
{
    public static bool TryParse(JsonElement body, out JobKind kind, out IResult error)
    {
        kind = JobKind.Binary;
        error = null!;
        if (JsonFields.Absent(body, "kind"))
            return true;
        var element = body.GetProperty("kind");
        if (element.ValueKind != JsonValueKind.String || !JobKindNames.TryParse(element.GetString()!, out kind))
            return JobDefinitionParser.Fail(out error, ApiError.BadRequest("kind must be one of binary, container, pipeline", "kind"));
        return true;
    }

    public static bool TryComplete(JsonElement body, JobKind kind, ref JobDefinition definition, out IResult error)
    {
        error = null!;
        switch (kind)
        {
            case JobKind.Container:
                if (!ContainerSpecParser.TryParse(body, out var container, out error)) return false;
                definition = definition with { Kind = kind, Container = container, Resources = WithGpus(definition.Resources, container.Gpu) };
                return true;
            case JobKind.Pipeline:
                if (!PipelineParser.TryParse(body, definition.EnvVariables, out var steps, out var input, out error)) return false;
                var gpus = steps.Max(step => step.Container?.Gpu ?? 0);
                definition = definition with { Kind = kind, Steps = steps, Input = input, Resources = WithGpus(definition.Resources, gpus) };
                return true;
            default:
                return true;
        }
    }

    static JobResources WithGpus(JobResources resources, int gpus) => resources with { Gpu = Math.Max(resources.Gpu, gpus) };
}
