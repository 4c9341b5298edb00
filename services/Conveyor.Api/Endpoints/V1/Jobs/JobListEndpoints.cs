using Conveyor.Api.Http;
using Conveyor.Api.Queries;
using Conveyor.Api.Security;

namespace Conveyor.Api.Endpoints.V1.Jobs;

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
        if (!JobFilterQuery.TryParse(request, out var query, out error))
            return error;

        var filter = new JobFilter
        {
            Status = query.Status,
            Type = query.Type,
            Priority = query.Priority,
            Limit = limit,
            Offset = offset,
            Owner = context.Caller().OwnerScope,
        };
        return Results.Json(await jobs.List(filter, cancellationToken), ApiJson.Options);
    }
}
