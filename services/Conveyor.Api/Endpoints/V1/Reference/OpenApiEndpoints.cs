namespace Conveyor.Api.Endpoints.V1.Reference;

/// <summary>
/// The OpenAPI document of the native API, hand-written in <c>OpenApi/openapi.json</c> and embedded in the assembly: the
/// endpoints parse their bodies by hand, so a generated document would know neither their fields nor their examples.
/// A test checks that every native route is described.
/// </summary>
public static class OpenApiEndpoints
{
    public const string ResourceName = "Conveyor.Api.openapi.json";

    static readonly Lazy<byte[]> Document = new(() =>
    {
        using var stream = typeof(OpenApiEndpoints).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the embedded resource {ResourceName} is missing");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static RouteGroupBuilder MapOpenApiEndpoints(this RouteGroupBuilder v1)
    {
        v1.MapGet("/openapi.json", () => Results.Bytes(Document.Value, "application/json"));
        return v1;
    }
}
