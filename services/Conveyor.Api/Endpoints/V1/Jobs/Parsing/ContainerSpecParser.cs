using System.Text.Json;
using System.Text.RegularExpressions;
using Conveyor.Api.Http;
using Conveyor.Contracts.Jobs;

namespace Conveyor.Api.Endpoints.V1.Jobs.Parsing;

/// <summary>
/// A container job's fields (also a container step's): <c>image</c> (required), <c>entrypoint</c>, <c>cmd</c>,
/// <c>env_variables</c>, <c>work_dir</c>, <c>gpu</c> (true, false or a count) and <c>exposed_port</c>.
/// </summary>
public static partial class ContainerSpecParser
{
    public static bool TryParse(JsonElement body, out ContainerSpec container, out IResult error)
    {
        container = new ContainerSpec();
        if (!JsonFields.TryString(body, "image", out var image, out error)) return false;
        if (!ImagePattern().IsMatch(image))
            return JsonFields.Fail(out error, ApiError.BadRequest("image must be an image reference such as registry.example/team/app:1.2", "image"));
        if (!JsonFields.Absent(body, "arguments"))
            return JsonFields.Fail(out error, ApiError.BadRequest("arguments belong to binary jobs; a container takes cmd (and entrypoint)", "arguments"));
        if (!JsonFields.TryStrings(body, "entrypoint", out var entrypoint, out error)) return false;
        if (!JsonFields.TryStrings(body, "cmd", out var cmd, out error)) return false;
        if (!JsonFields.TryEnvironment(body, out var environment, out error)) return false;
        if (!JsonFields.TryOptionalString(body, "work_dir", out var workDir, out error)) return false;
        if (workDir is not null && (!workDir.StartsWith('/') || workDir.Length > 1024))
            return JsonFields.Fail(out error, ApiError.BadRequest("work_dir must be an absolute path", "work_dir"));
        if (!TryGpu(body, out var gpu, out error)) return false;
        if (!JsonFields.TryInteger(body, "exposed_port", 1, 65535, out var port, out error)) return false;

        container = new ContainerSpec
        {
            Image = image,
            Entrypoint = entrypoint,
            Cmd = cmd,
            EnvVariables = environment,
            WorkDir = workDir,
            Gpu = gpu,
            ExposedPort = port,
        };
        return true;
    }

    static bool TryGpu(JsonElement body, out int gpu, out IResult error)
    {
        gpu = 0;
        error = null!;
        if (JsonFields.Absent(body, "gpu"))
            return true;
        var element = body.GetProperty("gpu");
        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            gpu = element.GetBoolean() ? 1 : 0;
            return true;
        }
        if (!JsonFields.TryInteger(body, "gpu", 0, JobResourcesParser.MaxGpus, out var count, out _))
            return JsonFields.Fail(out error, ApiError.BadRequest($"gpu must be true, false or a count from 0 to {JobResourcesParser.MaxGpus}", "gpu"));
        gpu = count ?? 0;
        return true;
    }

    // Letters, digits and the separators of a reference (registry:port/path/name:tag@sha256:digest); nothing that could leave a URL path.
    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9._/:@-]{0,254}$")]
    private static partial Regex ImagePattern();
}
