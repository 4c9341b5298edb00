using System.Text.Json;
using static Conveyor.Api.Endpoints.Nosana.NosanaJson;

namespace Conveyor.Api.Endpoints.Nosana;

/// <summary>
/// An op's <c>args.expose</c>: a port number, or a list of one port given as a number or as <c>{port, type?, health_checks?}</c>.
/// Conveyor serves one port per job; its URL is answered by <c>GET /service/url/:jobId</c> once the port answers.
/// </summary>
public static class NosanaExpose
{
    static readonly string[] PortFields = ["port", "type", "health_checks"];

    public static bool TryPort(JsonElement args, string where, out int? port, out string error)
    {
        port = null;
        error = "";
        if (!args.TryGetProperty("expose", out var expose) || expose.ValueKind == JsonValueKind.Null)
            return true;
        var reason = $"{where}.args.expose must be a port (1-65535) or a list of one";
        if (expose.ValueKind == JsonValueKind.Array)
        {
            if (expose.GetArrayLength() != 1)
                return Fail(out error, $"{where}.args.expose: Conveyor serves exactly one port per op");
            expose = expose[0];
            if (expose.ValueKind == JsonValueKind.Object)
            {
                if (Unknown(expose, PortFields) is { } unknown)
                    return Fail(out error, $"unknown property {where}.args.expose[0].{unknown}");
                if (!expose.TryGetProperty("port", out expose))
                    return Fail(out error, reason);
            }
        }
        if (expose.ValueKind != JsonValueKind.Number || !expose.TryGetInt32(out var number) || number is < 1 or > 65535)
            return Fail(out error, reason);
        port = number;
        return true;
    }
}
