using System.Text.Json;
using Conveyor.Api.Http;
using Conveyor.Contracts.Jobs;

namespace Conveyor.Api.Endpoints.V1.Jobs.Parsing;

/// <summary>
/// A pipeline's <c>steps</c> (1 to <see cref="MaxSteps"/> objects, each a binary or a container with the fields of such a
/// job, an optional <c>name</c> and <c>kind</c>, binary by default) and its <c>input</c>, the first step's stdin: a string
/// as it is, any other JSON value as JSON. The job's <c>env_variables</c> apply to every step beneath the step's own.
/// </summary>
public static class PipelineParser
{
    public const int MaxSteps = 16;
    public const int MaxNameLength = 100;

    public static bool TryParse(JsonElement body, IReadOnlyDictionary<string, string> shared, out List<PipelineStep> steps, out string? input, out IResult error)
    {
        steps = [];
        input = null;
        error = null!;
        if (!JsonFields.Absent(body, "arguments"))
            return JsonFields.Fail(out error, ApiError.BadRequest("a pipeline takes arguments in its binary steps", "arguments"));
        if (!body.TryGetProperty("steps", out var element) || element.ValueKind != JsonValueKind.Array
            || element.GetArrayLength() is 0 or > MaxSteps)
            return JsonFields.Fail(out error, ApiError.BadRequest($"steps must be an array of 1 to {MaxSteps} steps", "steps"));

        foreach (var (step, index) in element.EnumerateArray().Select((step, index) => (step, index)))
        {
            if (!TryStep(step, index, shared, out var parsed, out error))
                return JsonFields.Fail(out error, JsonFields.Nested(error, $"steps[{index}]"));
            steps.Add(parsed);
        }

        if (body.TryGetProperty("input", out var given) && given.ValueKind != JsonValueKind.Null)
            input = given.ValueKind == JsonValueKind.String ? given.GetString() : given.GetRawText();
        return true;
    }

    static bool TryStep(JsonElement step, int index, IReadOnlyDictionary<string, string> shared, out PipelineStep parsed, out IResult error)
    {
        parsed = new PipelineStep();
        if (step.ValueKind != JsonValueKind.Object)
            return JsonFields.Fail(out error, ApiError.BadRequest("a step must be an object", ""));
        if (!JobKindField.TryParse(step, out var kind, out error)) return false;
        if (kind is JobKind.Pipeline or JobKind.Data)
            return JsonFields.Fail(out error, ApiError.BadRequest("a step is a binary or a container", "kind"));
        if (!JsonFields.TryOptionalString(step, "name", out var name, out error)) return false;
        if (name is not null && (name.Length == 0 || name.Length > MaxNameLength))
            return JsonFields.Fail(out error, ApiError.BadRequest($"name must be 1 to {MaxNameLength} characters", "name"));
        if (!JsonFields.TryEnvironment(step, out var own, out error)) return false;
        var environment = new Dictionary<string, string>(shared);
        foreach (var (key, value) in own)
            environment[key] = value;

        parsed = new PipelineStep { Name = name ?? $"step-{index + 1}", Kind = kind };
        if (kind == JobKind.Container)
        {
            if (!ContainerSpecParser.TryParse(step, out var container, out error)) return false;
            parsed = parsed with { Container = container with { EnvVariables = environment } };
            return true;
        }

        if (!BinaryFieldsParser.TryParse(step, out var url, out var sha256, out error)) return false;
        if (!JsonFields.TryArguments(step, out var arguments, out error)) return false;
        parsed = parsed with { Binary = new BinarySpec { Url = url, Sha256 = sha256, Arguments = arguments, EnvVariables = environment } };
        return true;
    }
}
