using System.Text.Json;
using Conveyor.Api.Http;
using Conveyor.Contracts.Jobs;

namespace Conveyor.Api.Endpoints.V1.Jobs.Parsing;

/// <summary>
/// Reads a seed-003 job from JSON by hand, so that every wrong type or missing field gets a 400 naming the field
/// (model binding would answer some of them with an empty 400 or a 500). Unknown fields are ignored. The top of the
/// parsing layer: it calls the parsers of the parts (kind, binary fields, container, pipeline, resources), which call
/// only <see cref="JsonFields"/> and each other downwards, never back up.
/// </summary>
public static class JobDefinitionParser
{
    public const int MaxTypeLength = 200;
    public const int MaxTimeoutSeconds = 7 * 24 * 3600;
    public const int MaxAttemptsLimit = 20;

    public static bool TryParse(JsonElement body, out JobDefinition definition, out IResult error)
    {
        definition = null!;
        if (body.ValueKind != JsonValueKind.Object)
            return JsonFields.Fail(out error, ApiError.BadRequest("the job must be a JSON object", "body"));
        if (!JobKindField.TryParse(body, out var kind, out error)) return false;

        if (!JsonFields.TryString(body, "type", out var type, out error)) return false;
        if (type.Length == 0 || type.Length > MaxTypeLength || type.Any(char.IsWhiteSpace))
            return JsonFields.Fail(out error, ApiError.BadRequest($"type must be 1 to {MaxTypeLength} characters with no spaces", "type"));

        string url = "", sha256 = "";
        if (kind == JobKind.Binary && !BinaryFieldsParser.TryParse(body, out url, out sha256, out error)) return false;

        if (!JsonFields.TryString(body, "priority", out var priorityText, out error)) return false;
        if (!JobPriorityNames.TryParse(priorityText, out var priority))
            return JsonFields.Fail(out error, ApiError.BadRequest("priority must be one of foreground, background, best_effort", "priority"));

        if (!JsonFields.TryArguments(body, out var arguments, out error)) return false;
        if (!JsonFields.TryEnvironment(body, out var environment, out error)) return false;
        if (!JsonFields.TryInteger(body, "timeout_seconds", 1, MaxTimeoutSeconds, out var timeout, out error)) return false;
        if (!JsonFields.TryInteger(body, "max_attempts", 1, MaxAttemptsLimit, out var maxAttempts, out error)) return false;
        if (!JsonFields.TryBoolean(body, "retry_on_failure", out var retryOnFailure, out error)) return false;
        if (!JobResourcesParser.TryParse(body, out var resources, out error)) return false;

        definition = new JobDefinition
        {
            Type = type,
            BinaryUrl = url,
            BinarySha256 = sha256.ToLowerInvariant(),
            Arguments = arguments,
            EnvVariables = environment,
            Priority = priority,
            Resources = resources,
            TimeoutSeconds = timeout,
            MaxAttempts = maxAttempts,
            RetryOnFailure = retryOnFailure,
        };
        return TryKindFields(body, kind, ref definition, out error);
    }

    /// <summary>The fields a container or pipeline job adds; GPUs its containers ask for route it like <c>resources</c> would.</summary>
    static bool TryKindFields(JsonElement body, JobKind kind, ref JobDefinition definition, out IResult error)
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
            case JobKind.Data:
                // The payload a polling node gets as the job's data: any JSON value but null, kept as it was sent.
                if (JsonFields.Absent(body, "data"))
                    return JsonFields.Fail(out error, ApiError.BadRequest("a data job needs data: the payload its node receives", "data"));
                definition = definition with { Kind = kind, Input = body.GetProperty("data").GetRawText() };
                return true;
            default:
                return true;
        }
    }

    static JobResources WithGpus(JobResources resources, int gpus) => resources with { Gpu = Math.Max(resources.Gpu, gpus) };
}
