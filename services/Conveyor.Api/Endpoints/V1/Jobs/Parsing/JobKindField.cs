using System.Text.Json;
using Conveyor.Api.Http;
using Conveyor.Contracts.Jobs;

namespace Conveyor.Api.Endpoints.V1.Jobs.Parsing;

/// <summary>
/// The optional <c>kind</c> of a job or pipeline step: <c>binary</c> by default, so seed-003 clients need not send it.
/// </summary>
public static class JobKindField
{
    public static bool TryParse(JsonElement body, out JobKind kind, out IResult error)
    {
        kind = JobKind.Binary;
        error = null!;
        if (JsonFields.Absent(body, "kind"))
            return true;
        var element = body.GetProperty("kind");
        if (element.ValueKind != JsonValueKind.String || !JobKindNames.TryParse(element.GetString()!, out kind))
            return JsonFields.Fail(out error, ApiError.BadRequest("kind must be one of binary, container, pipeline, data", "kind"));
        return true;
    }
}
