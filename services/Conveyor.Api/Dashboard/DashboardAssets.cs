using System.Reflection;

namespace Conveyor.Api.Dashboard;

/// <summary>The dashboard's stylesheet and script, embedded in the API service: no build step, nothing fetched from elsewhere.</summary>
public static class DashboardAssets
{
    static readonly Dictionary<string, (string ContentType, byte[] Bytes)> Assets = Load();

    public static IResult Serve(string name, HttpContext context)
    {
        if (!Assets.TryGetValue(name, out var asset))
            return Results.NotFound();
        context.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Bytes(asset.Bytes, asset.ContentType);
    }

    static Dictionary<string, (string, byte[])> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var assets = new Dictionary<string, (string, byte[])>(StringComparer.Ordinal);
        foreach (var (name, type) in new[] { ("dashboard.css", "text/css; charset=utf-8"), ("dashboard.js", "text/javascript; charset=utf-8") })
        {
            using var stream = assembly.GetManifestResourceStream("dashboard/" + name)
                ?? throw new InvalidOperationException($"the dashboard asset {name} is not embedded");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            assets[name] = (type, copy.ToArray());
        }
        return assets;
    }
}
