using System.Net;
using System.Text.Json;

namespace Conveyor.Api.Endpoints.Infernet;

/// <summary>
/// Reads one <c>JobRequest</c> (<c>{containers, data}</c>) and applies Infernet's rules in Infernet's order: no
/// containers, an unknown container, a first container that is not external, a container this client's address may
/// not call. Unknown fields (<c>requires_proof</c>) are accepted and ignored.
/// </summary>
public static class InfernetJobRequest
{
    public static bool TryParse(JsonElement body, InfernetOptions options, IPAddress client,
        out IReadOnlyList<InfernetContainer> chain, out string data, out IResult error)
    {
        chain = [];
        data = "";
        error = null!;
        if (body.ValueKind != JsonValueKind.Object)
            return Fail(out error, InfernetError.BadRequest("Invalid request: a JobRequest is a JSON object"));
        if (!body.TryGetProperty("containers", out var containers) || containers.ValueKind == JsonValueKind.Null
            || containers.ValueKind == JsonValueKind.Array && containers.GetArrayLength() == 0)
            return Fail(out error, InfernetError.BadRequest("No containers specified"));
        if (containers.ValueKind != JsonValueKind.Array || containers.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.String))
            return Fail(out error, InfernetError.BadRequest("Invalid request: containers must be an array of container ids"));
        if (!body.TryGetProperty("data", out var given) || given.ValueKind != JsonValueKind.Object)
            return Fail(out error, InfernetError.BadRequest("Invalid request: data must be an object"));

        var named = new List<InfernetContainer>();
        foreach (var id in containers.EnumerateArray().Select(c => c.GetString()!))
        {
            if (options.Containers.FirstOrDefault(c => c.Id == id) is not { } container)
                return Fail(out error, InfernetError.BadRequest("Container not supported", Params("container", id)));
            named.Add(container);
        }
        if (!named[0].External)
            return Fail(out error, InfernetError.BadRequest("First container must be external", Params("first_container", named[0].Id)));
        if (named.FirstOrDefault(c => !Allows(c, client)) is { } refused)
            return Fail(out error, InfernetError.BadRequest("Container not allowed for address",
                new Dictionary<string, object?> { ["container"] = refused.Id, ["address"] = client.ToString() }));

        chain = named;
        data = given.GetRawText();
        return true;
    }

    static bool Allows(InfernetContainer container, IPAddress client) =>
        container.AllowedIps.Count == 0
        || container.AllowedIps.Any(cidr => IPNetwork.TryParse(cidr, out var network) && network.Contains(client));

    static Dictionary<string, object?> Params(string name, object? value) => new() { [name] = value };

    static bool Fail(out IResult error, IResult result)
    {
        error = result;
        return false;
    }
}
