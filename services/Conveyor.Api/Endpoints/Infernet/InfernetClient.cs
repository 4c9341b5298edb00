using Conveyor.Api.Security;

namespace Conveyor.Api.Endpoints.Infernet;

/// <summary>
/// Who an Infernet client is, which decides whose jobs it sees: the API key's name when keys are on (a request without a
/// known key is refused), else its address, as an Infernet node tells its clients apart.
/// </summary>
public sealed record InfernetClient(string Owner, System.Net.IPAddress Address)
{
    public static bool TryIdentify(HttpContext context, ApiKeyStore keys, out InfernetClient client, out IResult error)
    {
        var address = context.Connection.RemoteIpAddress ?? System.Net.IPAddress.Loopback;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        client = new InfernetClient("ip:" + address, address);
        error = null!;
        if (!keys.Enabled)
            return true;
        if (ApiKeyMiddleware.PresentedKey(context.Request) is not { } key || !keys.TryFind(key, out var caller))
        {
            error = InfernetError.Status(StatusCodes.Status401Unauthorized, "an API key is required (X-API-Key or Authorization: Bearer)");
            return false;
        }
        client = client with { Owner = caller.Name! };
        return true;
    }
}
