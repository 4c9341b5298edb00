using System.Net;
using System.Text.Json;
using Conveyor.Api.Http;
using Conveyor.Api.Security;
using Conveyor.Api.Submissions;
using Conveyor.Contracts.Jobs;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Conveyor.Api.Endpoints.Infernet;

/// <summary>
/// Infernet's <c>PUT /api/status</c> <c>{id, status, containers}</c>: records a job run outside Conveyor, through the
/// saga like every job (created as it stands, moved to its end by a later record). Ids are UUIDs here.
/// </summary>
public static class InfernetStatus
{
    public static async Task<IResult> Record(HttpContext context, IOptions<InfernetOptions> options, ApiKeyStore keys,
        IRequestClient<RecordExternalJob> scheduler, CancellationToken cancellationToken)
    {
        if (!InfernetClient.TryIdentify(context, keys, out var client, out var refused))
            return refused;
        if (!options.Value.StatusFromAnyAddress && !IPAddress.IsLoopback(client.Address))
            return InfernetError.Status(StatusCodes.Status403Forbidden, "PUT /api/status is taken only from this machine");
        var (body, bodyError) = await RequestJson.Read(context.Request, cancellationToken);
        if (bodyError is not null)
            return InfernetError.From(bodyError);
        if (!TryParse(body, out var record, out var error))
            return error;

        var answer = await scheduler.GetResponse<JobCommandAccepted, JobCommandRejected>(
            record with { Owner = client.Owner }, cancellationToken, SchedulerRequests.AnswerTimeout);
        if (answer.Is(out Response<JobCommandRejected>? rejected))
            return InfernetError.BadRequest(rejected.Message.Reason, new Dictionary<string, object?> { ["id"] = record.JobId.ToString() });
        return Results.Json(new { });
    }

    static bool TryParse(JsonElement body, out RecordExternalJob record, out IResult error)
    {
        record = null!;
        error = null!;
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
            || !Guid.TryParse(id.GetString(), out var jobId))
            return Fail(out error, InfernetError.BadRequest("Invalid request: id must be a job UUID"));
        var status = body.TryGetProperty("status", out var given) && given.ValueKind == JsonValueKind.String ? given.GetString() : null;
        ExternalJobStatus? parsed = status switch
        {
            "running" => ExternalJobStatus.Running,
            "success" => ExternalJobStatus.Succeeded,
            "failed" => ExternalJobStatus.Failed,
            _ => null,
        };
        if (parsed is not { } known)
            return Fail(out error, InfernetError.BadRequest("Status is invalid"));
        if (!body.TryGetProperty("containers", out var containers) || containers.ValueKind != JsonValueKind.Array
            || containers.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.String))
            return Fail(out error, InfernetError.BadRequest("Invalid request: containers must be an array of container ids"));
        record = new RecordExternalJob(jobId, InfernetJobs.Type, known, [.. containers.EnumerateArray().Select(c => c.GetString()!)],
            SubmissionClock.Now());
        return true;
    }

    static bool Fail(out IResult error, IResult result)
    {
        error = result;
        return false;
    }
}
