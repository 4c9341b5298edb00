using System.Text.Json;
using System.Text.RegularExpressions;
using Conveyor.Contracts.Jobs;
using static Conveyor.Api.Endpoints.Nosana.NosanaJson;

namespace Conveyor.Api.Endpoints.Nosana;

/// <summary>
/// A job's named volumes: <c>container/create-volume</c> <c>{args: {name}}</c> creates one, and a later
/// <c>container/run</c> mounts it with <c>args.volumes: [{name, dest}]</c>. A volume must be created before an op mounts it.
/// </summary>
public static partial class NosanaVolumes
{
    static readonly string[] CreateFields = ["type", "id", "args"];
    static readonly string[] MountFields = ["name", "dest"];

    public static bool TryCreate(JsonElement op, string where, HashSet<string> created, out string name, out string error)
    {
        name = "";
        if (Unknown(op, CreateFields) is { } unknown)
            return Fail(out error, $"unknown property {where}.{unknown}");
        if (!op.TryGetProperty("args", out var args) || args.ValueKind != JsonValueKind.Object)
            return Fail(out error, $"{where}.args must be an object");
        if (Unknown(args, ["name"]) is { } unknownArg)
            return Fail(out error, $"unknown property {where}.args.{unknownArg}");
        if (Text(args, "name") is not { } given || !VolumeName().IsMatch(given))
            return Fail(out error, $"{where}.args.name must be a volume name (letters, digits, '_', '.', '-'; at most 64)");
        if (!created.Add(given))
            return Fail(out error, $"volume {given} is created twice");
        name = given;
        error = "";
        return true;
    }

    public static bool TryMounts(JsonElement args, string where, HashSet<string> created, out IReadOnlyList<VolumeMount>? mounts,
        out string error)
    {
        mounts = null;
        error = "";
        if (!args.TryGetProperty("volumes", out var volumes) || volumes.ValueKind == JsonValueKind.Null)
            return true;
        if (volumes.ValueKind != JsonValueKind.Array)
            return Fail(out error, $"{where}.args.volumes must be an array of {{name, dest}}");
        var list = new List<VolumeMount>();
        foreach (var volume in volumes.EnumerateArray())
        {
            if (volume.ValueKind != JsonValueKind.Object || Unknown(volume, MountFields) is not null)
                return Fail(out error, $"{where}.args.volumes must be an array of {{name, dest}}");
            if (Text(volume, "name") is not { } name || !created.Contains(name))
                return Fail(out error, $"{where}.args.volumes names a volume no earlier op creates");
            if (Text(volume, "dest") is not { } dest || !dest.StartsWith('/') || dest == "/" || dest.Contains(':') || dest.Contains('\0'))
                return Fail(out error, $"{where}.args.volumes dest must be an absolute path below /");
            if (list.Any(mount => mount.Path == dest))
                return Fail(out error, $"{where}.args.volumes mounts two volumes at {dest}");
            list.Add(new VolumeMount(name, dest));
        }
        mounts = list;
        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex VolumeName();
}
