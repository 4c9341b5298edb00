using System.Text.Json;
using Conveyor.Contracts.Jobs;
using static Conveyor.Api.Endpoints.Nosana.NosanaJson;

namespace Conveyor.Api.Endpoints.Nosana;

/// <summary>
/// Reads a Nosana job definition (<c>{version, type: "container", logistics?, meta?, global?, ops}</c>) into a
/// pipeline of container steps, one per op, run in order on one executor: a <c>container/run</c> op is a container step,
/// a <c>container/create-volume</c> op a step that creates the job's named volume for the ops after it. Unknown properties
/// are refused, each bad part with a reason.
/// </summary>
public static class NosanaJobDefinition
{
    static readonly string[] DefinitionFields = ["version", "type", "logistics", "logicstics", "meta", "global", "ops"];
    static readonly string[] GlobalFields = ["image", "gpu", "entrypoint", "env", "work_dir"];
    static readonly string[] OpFields = ["type", "id", "args", "results"];
    static readonly string[] RunFields = ["image", "cmd", "entrypoint", "env", "work_dir", "gpu", "expose", "private", "volumes"];

    public static bool TryParse(JsonElement body, string nosanaId, out JobDefinition definition, out string error)
    {
        definition = null!;
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("jobDefinition", out var job) || job.ValueKind != JsonValueKind.Object)
            return Fail(out error, "jobDefinition is required");
        if (Unknown(job, DefinitionFields) is { } unknown)
            return Fail(out error, $"unknown property {unknown}");
        if (!job.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.String)
            return Fail(out error, "version must be a string");
        if (!job.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "container")
            return Fail(out error, "type must be container");
        foreach (var name in new[] { "logistics", "logicstics", "meta" })
        {
            if (job.TryGetProperty(name, out var part) && part.ValueKind != JsonValueKind.Object)
                return Fail(out error, $"{name} must be an object");
        }

        var global = job.TryGetProperty("global", out var given) ? given : default;
        if (global.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Object))
            return Fail(out error, "global must be an object");
        if (global.ValueKind == JsonValueKind.Object && Unknown(global, GlobalFields) is { } unknownGlobal)
            return Fail(out error, $"unknown property global.{unknownGlobal}");
        if (!TryEnv(global, "global.env", out var globalEnv, out error)) return false;

        if (!job.TryGetProperty("ops", out var ops) || ops.ValueKind != JsonValueKind.Array || ops.GetArrayLength() == 0)
            return Fail(out error, "ops must be a non-empty array");
        var steps = new List<PipelineStep>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var volumes = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var op in ops.EnumerateArray())
        {
            var where = $"ops[{index++}]";
            if (op.ValueKind != JsonValueKind.Object)
                return Fail(out error, $"{where} must be an object");
            if (Unknown(op, OpFields) is { } unknownOp)
                return Fail(out error, $"unknown property {where}.{unknownOp}");
            if (!op.TryGetProperty("id", out var idField) || idField.ValueKind != JsonValueKind.String || idField.GetString() is not { Length: > 0 } id)
                return Fail(out error, $"{where}.id must be a non-empty string");
            if (!ids.Add(id))
                return Fail(out error, $"op id {id} is used twice");
            var opType = op.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (opType == "container/create-volume")
            {
                if (!NosanaVolumes.TryCreate(op, where, volumes, out var volume, out error)) return false;
                steps.Add(new PipelineStep { Name = id, Kind = JobKind.Container, CreateVolume = volume });
                continue;
            }
            if (opType != "container/run")
                return Fail(out error, $"{where}.type must be container/run or container/create-volume");
            if (!TryRun(op, where, global, globalEnv, nosanaId, id, volumes, out var step, out error)) return false;
            if (!TryResults(op, where, out var patterns, out error)) return false;
            steps.Add(patterns.Count > 0 ? step with { ResultPatterns = patterns } : step);
        }

        if (steps.Count(s => s.Container?.ExposedPort is not null) > 1)
            return Fail(out error, "only one op of a job may expose a port");
        definition = new JobDefinition
        {
            Type = NosanaEndpoints.JobType,
            Kind = JobKind.Pipeline,
            BinaryUrl = "",
            BinarySha256 = "",
            Priority = JobPriority.Background,
            Steps = steps,
            Resources = new JobResources { Gpu = steps.Max(s => s.Container?.Gpu ?? 0) },
        };
        return true;
    }

    static bool TryRun(JsonElement op, string where, JsonElement global, Dictionary<string, string> globalEnv, string nosanaId, string id,
        HashSet<string> volumes, out PipelineStep step, out string error)
    {
        step = null!;
        if (!op.TryGetProperty("args", out var args) || args.ValueKind != JsonValueKind.Object)
            return Fail(out error, $"{where}.args must be an object");
        if (Unknown(args, RunFields) is { } unknown)
            return Fail(out error, $"unknown property {where}.args.{unknown}");

        var image = Text(args, "image") ?? Text(global, "image");
        if (string.IsNullOrWhiteSpace(image))
            return Fail(out error, $"{where}: an image is required (args.image or global.image)");
        if (!TryCommand(args, "entrypoint", out var entrypoint, out error) || !TryCommand(global, "entrypoint", out var globalEntrypoint, out error))
            return false;
        if (!TryEnv(args, $"{where}.args.env", out var env, out error)) return false;
        if (!TryBool(args, "gpu", out var gpu, out error) || !TryBool(global, "gpu", out var globalGpu, out error)) return false;
        if (!TryBool(args, "private", out var isPrivate, out error)) return false;
        if (!NosanaExpose.TryPort(args, where, out var port, out error)) return false;
        if (!NosanaVolumes.TryMounts(args, where, volumes, out var mounts, out error)) return false;

        List<string>? cmd = null;
        if (args.TryGetProperty("cmd", out var command) && command.ValueKind != JsonValueKind.Null)
        {
            if (command.ValueKind == JsonValueKind.String)
            {
                // A string is a shell command line, as Nosana runs it.
                entrypoint = ["/bin/sh", "-c"];
                cmd = [command.GetString()!];
            }
            else if (!TryCommand(args, "cmd", out cmd, out error))
                return false;
        }

        var environment = new Dictionary<string, string>(globalEnv);
        foreach (var (key, value) in env)
            environment[key] = value;
        environment["NOSANA_ID"] = nosanaId;
        step = new PipelineStep
        {
            Name = id,
            Kind = JobKind.Container,
            Container = new ContainerSpec
            {
                Image = image,
                Entrypoint = entrypoint ?? globalEntrypoint,
                Cmd = cmd,
                EnvVariables = environment,
                WorkDir = Text(args, "work_dir") ?? Text(global, "work_dir"),
                Gpu = (gpu ?? globalGpu) == true ? 1 : 0,
                ExposedPort = port,
                ServiceToken = isPrivate == true && port is not null ? NosanaServices.NewToken() : null,
                Volumes = mounts,
            },
        };
        return true;
    }

    /// <summary><c>results</c>: names of regexes over the op's output lines, answered in its state.</summary>
    static bool TryResults(JsonElement op, string where, out Dictionary<string, string> patterns, out string error)
    {
        patterns = [];
        error = "";
        if (!op.TryGetProperty("results", out var results) || results.ValueKind == JsonValueKind.Null)
            return true;
        if (results.ValueKind != JsonValueKind.Object)
            return Fail(out error, $"{where}.results must be an object of regexes");
        foreach (var result in results.EnumerateObject())
        {
            var pattern = result.Value.ValueKind == JsonValueKind.String ? result.Value.GetString()! : null;
            if (pattern is null || !IsRegex(pattern))
                return Fail(out error, $"{where}.results.{result.Name} must be a regular expression");
            patterns[result.Name] = pattern;
        }
        return true;
    }

    static bool IsRegex(string pattern)
    {
        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
