using System.Text.Json.Serialization;

namespace Conveyor.Api.Endpoints.V1.Jobs;

/// <summary>
/// One job's answer in a bulk submit: seed 003's <c>{id, status}</c>. A job the scheduler did not confirm in time says
/// so in <c>status</c> and <c>error</c> (it may still have been accepted; its id finds it).
/// </summary>
public sealed record BulkJobResult(
    Guid Id,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);
