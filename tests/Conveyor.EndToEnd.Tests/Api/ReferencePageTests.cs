using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Conveyor.TestSupport;

namespace Conveyor.EndToEnd.Tests.Api;

/// <summary>
/// The API reference page at /api/v1/docs renders in a real browser with no internet access: Scalar's script comes from
/// the API itself, and once it ran, the page lists every route of the OpenAPI document.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class ReferencePageTests(ApiStackFixture fixture)
{
    [Fact]
    public async Task Should_render_every_route_of_the_openapi_document_in_headless_chromium()
    {
        var document = JsonDocument.Parse(await fixture.Api.Http.GetStringAsync("/api/v1/openapi.json"));
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        var dom = await HeadlessChromium.RenderedDom(new Uri(fixture.Api.Http.BaseAddress!, "/api/v1/docs/"), TimeSpan.FromSeconds(15));
        var text = Whitespace().Replace(Markup().Replace(dom, " "), " ");

        Assert.True(paths.Count >= 20, $"only {paths.Count} paths in the document");
        Assert.Contains("Conveyor native API", text);
        var missing = paths.Where(p => !text.Contains(p, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "not on the rendered page: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Should_serve_the_page_and_its_script_without_a_key_and_from_the_api_itself()
    {
        using var page = await fixture.Api.Http.GetAsync("/api/v1/docs/");
        var html = await page.Content.ReadAsStringAsync();
        using var script = await fixture.Api.Http.GetAsync("/api/v1/docs/scalar.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("https://", html);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000, "scalar.js is served by the API");
    }

    [GeneratedRegex("<script.*?</script>|<style.*?</style>|<[^>]+>", RegexOptions.Singleline)]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
