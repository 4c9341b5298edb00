using Conveyor.Api.Http;
using Conveyor.Api.Queries;
using Conveyor.Api.Security;
using Conveyor.Persistence.Jobs;

namespace Conveyor.Api.Endpoints.V1;

/// <summary>Seed 003's <c>GET /jobs</c>: filters by status, type and priority; <c>limit</c> 1–1000 (default 100) and <c>offset</c> ≥ 0.</summary>
public static class JobListEndpoints
{
    public static RouteGroupBuilder MapJobListEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/jobs", List);
        return v1;
    }

    static async Task<IResult> List(HttpContext context, JobListQueries jobs, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!PageQuery.TryParse(request, out var limit, out var offset, out var error))
            return error;
        var status = request.Query["status"].ToString();
        if (status.Length > 0 && !PublicStatus.All.Contains(status))
            return ApiError.BadRequest($"status must be one of {string.Join(", ", PublicStatus.All)}", "status");
        var priorityText = request.Query["priority"].ToString();
        var priority = default(Contracts.Jobs.JobPriority);
        if (priorityText.Length > 0 && !JobPriorityNames.TryParse(priorityText, out priority))
            return ApiError.BadRequest("priority must be one of foreground, background, best_effort", "priority");
        var type = request.Query["type"].ToString();

        var filter = new JobFilter
        {
            Status = status.Length > 0 ? status : null,
            Type = type.Length > 0 ? type : null,
            Priority = priorityText.Length > 0 ? priority : null,
            Limit = limit,
            Offset = offset,
            Owner = context.Caller().OwnerScope,
        };
        return Results.Json(await jobs.List(filter, cancellationToken), ApiJson.Options);
    }
}
