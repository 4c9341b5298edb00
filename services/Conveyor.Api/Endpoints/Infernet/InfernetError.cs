using System.Text.Json.Serialization;
using Conveyor.Api.Http;

namespace Conveyor.Api.Endpoints.Infernet;

/// <summary>Infernet's error shape, <c>{"error": string[, "params": object]}</c>, always JSON.</summary>
public sealed record InfernetError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("params"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyDictionary<string, object?>? Params = null)
{
    public static IResult BadRequest(string error, IReadOnlyDictionary<string, object?>? parameters = null) =>
        Results.Json(new InfernetError(error, parameters), statusCode: StatusCodes.Status400BadRequest);

    public static IResult Status(int status, string error) => Results.Json(new InfernetError(error), statusCode: status);

    /// <summary>A refusal of the shared body reader (not UTF-8, not JSON, unstorable text) in this surface's shape.</summary>
    public static IResult From(IResult shared) => shared is IValueHttpResult { Value: ApiError error }
        ? BadRequest(error.Error, error.Context.Count == 0 ? null : error.Context)
        : shared;
}
