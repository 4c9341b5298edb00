using Conveyor.Api.Http;
using Conveyor.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Conveyor.Api.Endpoints.V1.Admin;

/// <summary>Seed 003's health check, with the broker beside the database: 503 when either is down.</summary>
public static class HealthEndpoints
{
    public static RouteGroupBuilder MapHealthEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/health", Check);
        return v1;
    }

    static async Task<IResult> Check(IDbContextFactory<ConveyorDbContext> contexts, IBusControl bus, CancellationToken cancellationToken)
    {
        var database = await DatabaseAnswers(contexts, cancellationToken);
        var broker = bus.CheckHealth().Status == BusHealthStatus.Healthy;
        var healthy = database && broker;
        return Results.Json(new
        {
            status = healthy ? "healthy" : "unhealthy",
            database = database ? "connected" : "disconnected",
            broker = broker ? "connected" : "disconnected",
        }, ApiJson.Options, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    static async Task<bool> DatabaseAnswers(IDbContextFactory<ConveyorDbContext> contexts, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            await using var db = await contexts.CreateDbContextAsync(timeout.Token);
            return await db.Database.CanConnectAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
