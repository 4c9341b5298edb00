using System.Text.Json;
using Conveyor.Api.Endpoints.V1.Jobs.Parsing;
using Conveyor.Api.Http;
using Conveyor.Api.Security;
using Conveyor.Api.Submissions;
using Conveyor.Contracts.Jobs;
using MassTransit;

namespace Conveyor.Api.Endpoints.V1.Jobs;

/// <summary>
/// Seed 003's bulk cancel. Every id is checked before any job is touched (a bad one refuses the list with a 400 naming
/// its index); then each job is cancelled by the saga, as a single DELETE is, and what could not be cancelled is listed.
/// </summary>
public static class BulkCancelEndpoints
{
    public static RouteGroupBuilder MapBulkCancelEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapPost("/jobs/bulk/cancel", CancelBulk);
        return v1;
    }

    static async Task<IResult> CancelBulk(HttpContext context, IRequestClient<CancelJob> scheduler, JobOwnership ownership, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await RequestJson.Read(context.Request, cancellationToken);
        if (bodyError is not null)
            return bodyError;
        if (!TryIds(body, out var ids, out var error))
            return error;

        var caller = context.Caller();
        var visible = await ownership.Visible(ids, caller, cancellationToken);
        var outcomes = await Task.WhenAll(ids.Select(id => visible.Contains(id)
            ? Cancel(scheduler, id, cancellationToken)
            : Task.FromResult<BulkCancelError?>(new BulkCancelError(id, "job not found", null))));
        var errors = outcomes.OfType<BulkCancelError>().ToList();
        return Results.Json(new BulkCancelResult(ids.Count - errors.Count, errors.Count, errors), ApiJson.Options);
    }

    static bool TryIds(JsonElement body, out List<Guid> ids, out IResult error)
    {
        ids = [];
        error = null!;
        if (body.ValueKind != JsonValueKind.Object)
            return JsonFields.Fail(out error, ApiError.BadRequest("the body must be an object with job_ids", "body"));
        if (!body.TryGetProperty("job_ids", out var list) || list.ValueKind != JsonValueKind.Array)
            return JsonFields.Fail(out error, ApiError.BadRequest("job_ids must be an array of job ids", "job_ids"));
        var count = list.GetArrayLength();
        if (count is 0 or > BulkJobEndpoints.MaxJobs)
            return JsonFields.Fail(out error, ApiError.BadRequest($"job_ids must hold 1 to {BulkJobEndpoints.MaxJobs} ids", "job_ids"));
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !Guid.TryParse(item.GetString(), out var id))
                return JsonFields.Fail(out error, ApiError.Result(StatusCodes.Status400BadRequest, $"job_ids[{index}] is not a UUID",
                    new Dictionary<string, object?> { ["field"] = "job_ids", ["index"] = index }));
            ids.Add(id);
            index++;
        }
        return true;
    }

    static async Task<BulkCancelError?> Cancel(IRequestClient<CancelJob> scheduler, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await scheduler.GetResponse<JobCommandAccepted, JobCommandRejected, JobNotFound>(
                new CancelJob(id, "cancelled by request"), cancellationToken, SchedulerRequests.AnswerTimeout);
            if (answer.Is(out Response<JobCommandAccepted>? _))
                return null;
            if (answer.Is(out Response<JobCommandRejected>? rejected))
                return new BulkCancelError(id, $"job is not pending (status: {rejected.Message.Status})", rejected.Message.Status);
            return new BulkCancelError(id, "job not found", null);
        }
        catch (RequestTimeoutException)
        {
            return new BulkCancelError(id, "the scheduler did not answer in time; try again", null);
        }
    }
}
