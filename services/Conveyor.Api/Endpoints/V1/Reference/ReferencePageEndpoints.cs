using Conveyor.Api.Security;
using Scalar.AspNetCore;

namespace Conveyor.Api.Endpoints.V1.Reference;

/// <summary>
/// The API reference page at <c>/api/v1/docs</c>: Scalar rendering the hand-written OpenAPI document. Scalar's script is
/// embedded in its package and served from here, and its web fonts are off, so the page renders with no internet access.
/// </summary>
public static class ReferencePageEndpoints
{
    public const string Route = ApiAccessPolicy.ReferencePage;

    public static WebApplication MapReferencePage(this WebApplication app)
    {
        app.MapScalarApiReference(Route, options => options
            .WithTitle("Conveyor API")
            .WithOpenApiRoutePattern("/api/v1/openapi.json")
            // Every group open, so the page lists every route at a glance.
            .ExpandAllTags()
            .DisableDefaultFonts());
        return app;
    }
}
