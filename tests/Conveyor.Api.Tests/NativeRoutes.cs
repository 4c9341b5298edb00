using Conveyor.Api;
using Conveyor.Api.Endpoints.V1.Reference;
using Conveyor.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Conveyor.Api.Tests;

/// <summary>The API's native routes as the application maps them: composed exactly as Program.cs does, never started.</summary>
public static class NativeRoutes
{
    public static IReadOnlyList<(string Method, string Path)> All()
    {
        var builder = WebApplication.CreateBuilder();
        // Never started: the database is named only because the API refuses to be composed without one.
        builder.Configuration["ConnectionStrings:Conveyor"] = "Host=127.0.0.1;Database=unused";
        builder.AddServiceDefaults();
        builder.AddApi();
        var app = builder.Build();
        app.MapApi();
        app.MapServiceDefaults();
        return ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => ("/" + e.RoutePattern.RawText!.TrimStart('/')).StartsWith("/api/v1/", StringComparison.Ordinal))
            // The reference page (HTML and its script) shows the document; it is not an operation of the API.
            .Where(e => !("/" + e.RoutePattern.RawText!.TrimStart('/')).StartsWith(ReferencePageEndpoints.Route, StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct().OrderBy(r => r.Item2, StringComparer.Ordinal).ThenBy(r => r.m, StringComparer.Ordinal).ToList();
    }
}
