using Conveyor.Api.Endpoints.V1.Admin;
using Conveyor.Api.Endpoints.V1.ExecutorWork;
using Conveyor.Api.Endpoints.V1.Jobs;
using Conveyor.Api.Endpoints.V1.Reference;
using Conveyor.Api.Endpoints.V1.Streams;
using Conveyor.Api.Endpoints.V1.Subscriptions;

namespace Conveyor.Api.Endpoints.V1;

/// <summary>
/// The native surface (seed 003 and Conveyor's additions) under <c>/api/v1</c>, one folder per resource. Each endpoint
/// is a thin adapter: it parses the request in this surface's format and calls the commands and queries every surface
/// shares (<c>Submissions</c>, <c>Queries</c>, <c>Streams</c>, <c>Executors</c>, <c>Subscriptions</c>).
/// </summary>
public static class NativeApi
{
    public const string Prefix = "/api/v1";

    public static WebApplication MapNativeApi(this WebApplication app)
    {
        var v1 = app.MapGroup(Prefix);
        v1.MapJobEndpoints();
        v1.MapJobListEndpoints();
        v1.MapJobControlEndpoints();
        v1.MapBulkJobEndpoints();
        v1.MapBulkCancelEndpoints();
        v1.MapRetryEndpoints();
        v1.MapExecutorWorkEndpoints();
        v1.MapSubscriptionEndpoints();
        v1.MapDeliveryEndpoints();
        v1.MapStreamEndpoints();
        v1.MapHealthEndpoints();
        v1.MapStatsEndpoints();
        v1.MapExecutorEndpoints();
        app.MapMetricsEndpoints();
        v1.MapOpenApiEndpoints();
        app.MapReferencePage();
        return app;
    }
}
