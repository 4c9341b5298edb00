using Conveyor.Api.Http;
using Conveyor.Api.Queries;

namespace Conveyor.Api.Endpoints.V1.Admin;

/// <summary>Seed 003's <c>GET /admin/executors</c>, with each executor's registered profile; <c>?all=true</c> adds lost and stopped ones.</summary>
public static class ExecutorEndpoints
{
    public static RouteGroupBuilder MapExecutorEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/admin/executors", List);
        return v1;
    }

    static async Task<IResult> List(HttpRequest request, ExecutorQueries executors, CancellationToken cancellationToken)
    {
        var all = false;
        if (request.Query.TryGetValue("all", out var text) && !bool.TryParse(text, out all))
            return ApiError.BadRequest("all must be true or false", "all");
        return Results.Json(await executors.List(all, cancellationToken), ApiJson.Options);
    }
}
