using Conveyor.Api.Http;
using Conveyor.Api.Queries;

namespace Conveyor.Api.Endpoints.V1.Admin;

/// <summary>Seed 003's <c>GET /admin/stats</c>.</summary>
public static class StatsEndpoints
{
    public static RouteGroupBuilder MapStatsEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/admin/stats", Get);
        return v1;
    }

    static async Task<IResult> Get(StatsQueries stats, CancellationToken cancellationToken) =>
        Results.Json(await stats.Get(owner: null, cancellationToken), ApiJson.Options);
}
