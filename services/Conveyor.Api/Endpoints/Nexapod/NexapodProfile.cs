using System.Text.Json;
using System.Text.Json.Nodes;
using Conveyor.Contracts.Executors;
using Conveyor.Messaging.Topology;

namespace Conveyor.Api.Endpoints.Nexapod;

/// <summary>
/// A NEXAPod node's profile (<c>os</c>, <c>cpu</c>, <c>gpu</c>, <c>hashes</c>) in the executor registry's terms, and back
/// for <c>GET /nodes</c>. The registry keeps os and cpu in their own fields, the gpu as the node's one GPU, and each hash
/// as a label <c>hashes.&lt;name&gt;</c>; the label <c>protocol=nexapod</c> marks the node as one of this surface's.
/// </summary>
public static class NexapodProfile
{
    public const string Protocol = "nexapod";
    const string HashPrefix = "hashes.";

    public static bool TryRead(JsonElement profile, out ExecutorProfile registry)
    {
        registry = null!;
        if (profile.ValueKind != JsonValueKind.Object)
            return false;
        var labels = new Dictionary<string, string> { ["protocol"] = Protocol };
        if (profile.TryGetProperty("hashes", out var hashes) && hashes.ValueKind == JsonValueKind.Object)
        {
            foreach (var hash in hashes.EnumerateObject())
                labels[HashPrefix + hash.Name] = hash.Value.ValueKind == JsonValueKind.String ? hash.Value.GetString()! : hash.Value.GetRawText();
        }
        var gpu = Text(profile, "gpu");
        registry = new ExecutorProfile
        {
            Os = Text(profile, "os") ?? "",
            CpuModel = Text(profile, "cpu") ?? "",
            Gpus = gpu is { Length: > 0 } ? [new GpuInfo(gpu, 0)] : [],
            Pool = ExecutionQueues.NodePool,
            Slots = 1,
            Labels = labels,
        };
        return true;
    }

    public static bool IsNode(ExecutorProfile profile) => profile.Labels.GetValueOrDefault("protocol") == Protocol;

    public static JsonObject Json(ExecutorProfile profile)
    {
        var hashes = new JsonObject();
        foreach (var (name, value) in profile.Labels.Where(l => l.Key.StartsWith(HashPrefix, StringComparison.Ordinal)))
            hashes[name[HashPrefix.Length..]] = value;
        return new JsonObject
        {
            ["os"] = profile.Os,
            ["cpu"] = profile.CpuModel,
            ["gpu"] = profile.Gpus.FirstOrDefault()?.Model,
            ["hashes"] = hashes,
        };
    }

    static string? Text(JsonElement profile, string field) =>
        profile.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}
