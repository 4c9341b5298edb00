namespace Conveyor.Api.Endpoints;

/// <summary>
/// Extra listening addresses for the surfaces whose clients expect a port of their own (an Infernet node's 4000, a
/// NEXAPod coordinator's 8000): <c>Infernet__Url</c>, <c>Nexapod__Url</c>. The API listens on them besides its own
/// <c>Urls</c>; every surface answers on every address, so clients of each keep the address they know.
/// </summary>
public static class SurfaceAddresses
{
    static readonly string[] Settings = ["Infernet:Url", "Nexapod:Url"];

    public static void Add(WebApplicationBuilder builder)
    {
        var extra = Settings.Select(key => builder.Configuration[key]).OfType<string>().Where(url => url.Length > 0).ToList();
        if (extra.Count == 0)
            return;
        // Kestrel's own default when Urls is not set at all.
        var own = builder.Configuration["Urls"] is { Length: > 0 } urls ? urls.Split(';', StringSplitOptions.RemoveEmptyEntries) : ["http://localhost:5000"];
        builder.WebHost.UseUrls([.. own.Concat(extra).Distinct(StringComparer.OrdinalIgnoreCase)]);
    }
}
