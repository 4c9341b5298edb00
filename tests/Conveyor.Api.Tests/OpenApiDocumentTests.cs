using System.Text.Json;
using Conveyor.Api.Endpoints.V1.Reference;
using Conveyor.Api.Security;

namespace Conveyor.Api.Tests;

/// <summary>The hand-written OpenAPI document describes every native route, each answer with an example, and nothing that does not exist.</summary>
public sealed class OpenApiDocumentTests
{
    static readonly JsonElement Document = Load();
    static readonly IReadOnlyList<(string Method, string Path)> Routes = NativeRoutes.All();

    [Fact]
    public void Should_describe_every_native_route_the_api_maps()
    {
        var described = Described();
        var missing = Routes.Where(r => !described.Contains(r)).Select(r => $"{r.Method} {r.Path}").ToList();

        Assert.True(Routes.Count >= 20, $"only {Routes.Count} routes found");
        Assert.True(missing.Count == 0, "not in openapi.json: " + string.Join(", ", missing));
    }

    [Fact]
    public void Should_describe_no_route_the_api_does_not_map()
    {
        var extra = Described().Where(d => !Routes.Contains(d)).Select(r => $"{r.Method} {r.Path}").ToList();

        Assert.True(extra.Count == 0, "described but not mapped: " + string.Join(", ", extra));
    }

    [Fact]
    public void Should_give_every_json_answer_and_every_json_body_an_example()
    {
        var without = new List<string>();
        foreach (var path in Document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Value.TryGetProperty("requestBody", out var body) && !HasExample(body))
                    without.Add($"{operation.Name} {path.Name} request");
                foreach (var response in operation.Value.GetProperty("responses").EnumerateObject())
                {
                    if (response.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json)
                        && !json.TryGetProperty("example", out _) && path.Name != "/api/v1/openapi.json")
                        without.Add($"{operation.Name} {path.Name} {response.Name}");
                }
            }
        }

        Assert.True(without.Count == 0, "no example: " + string.Join(", ", without));
    }

    [Fact]
    public void Should_document_every_error_with_the_error_shape()
    {
        foreach (var path in Document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                foreach (var response in operation.Value.GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
                {
                    if (path.Name == "/api/v1/health")
                        continue;
                    var example = response.Value.GetProperty("content").GetProperty("application/json").GetProperty("example");
                    Assert.True(example.TryGetProperty("error", out _) && example.TryGetProperty("context", out _), $"{operation.Name} {path.Name} {response.Name}");
                }
            }
        }
    }

    [Fact]
    public void Should_keep_health_and_the_document_public_and_everything_else_behind_a_key()
    {
        foreach (var (_, path) in Routes)
        {
            var role = ApiAccessPolicy.RequiredRole(path);
            Assert.True((role is null) == (path is "/api/v1/health" or "/api/v1/openapi.json"), path);
        }
    }

    [Theory]
    [InlineData("/api/v1/docs")]
    [InlineData("/api/v1/docs/{documentName}")]
    [InlineData("/api/v1/docs/scalar.js")]
    public void Should_keep_the_reference_page_public(string route) => Assert.Null(ApiAccessPolicy.RequiredRole(route));

    [Fact]
    public void Should_not_open_routes_that_only_begin_like_the_reference_page() =>
        Assert.Equal(ApiRole.Client, ApiAccessPolicy.RequiredRole("/api/v1/docsextra"));

    static HashSet<(string Method, string Path)> Described() =>
        Document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (o.Name.ToUpperInvariant(), p.Name)))
            .ToHashSet();

    static bool HasExample(JsonElement body) =>
        body.GetProperty("content").EnumerateObject().All(c => c.Value.TryGetProperty("example", out _));

    static JsonElement Load()
    {
        using var stream = typeof(OpenApiEndpoints).Assembly.GetManifestResourceStream(OpenApiEndpoints.ResourceName)!;
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    }
}
