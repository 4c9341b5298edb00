using System.Text.Json;
using System.Text.RegularExpressions;
using Conveyor.Api.Http;

namespace Conveyor.Api.Endpoints.V1.Jobs.Parsing;

/// <summary><c>binary_url</c> and <c>binary_sha256</c>, required for a binary job and for each binary step of a pipeline.</summary>
public static partial class BinaryFieldsParser
{
    public static bool TryParse(JsonElement body, out string url, out string sha256, out IResult error)
    {
        sha256 = "";
        if (!JsonFields.TryString(body, "binary_url", out url, out error)) return false;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "file"))
            return JsonFields.Fail(out error, ApiError.BadRequest("binary_url must be an absolute http, https or file URL", "binary_url"));

        if (!JsonFields.TryString(body, "binary_sha256", out sha256, out error)) return false;
        if (!Sha256Pattern().IsMatch(sha256))
            return JsonFields.Fail(out error, ApiError.BadRequest("binary_sha256 must be 64 hexadecimal characters", "binary_sha256"));
        sha256 = sha256.ToLowerInvariant();
        return true;
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Pattern();
}
