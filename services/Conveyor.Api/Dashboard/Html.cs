using System.Globalization;
using System.Text.Encodings.Web;

namespace Conveyor.Api.Dashboard;

/// <summary>The dashboard's HTML is written by hand; every value goes through here on its way in.</summary>
public static class Html
{
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    public static string E(long number) => number.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A UTC time as a <c>&lt;time&gt;</c> element; a dash for none.</summary>
    public static string Time(DateTime? at) => at is { } value
        ? $"<time datetime=\"{value:yyyy-MM-ddTHH:mm:ss.fffZ}\">{value:yyyy-MM-dd HH:mm:ss}</time>"
        : "<span aria-label=\"none\">–</span>";

    /// <summary>A job's status where the page's script keeps it current.</summary>
    public static string Status(string status) => $"<span class=\"status status-{E(status)}\" data-field=\"status\">{E(status)}</span>";

    /// <summary>A status that stays as it was (an attempt's, a step's).</summary>
    public static string Badge(string status) => $"<span class=\"status status-{E(status)}\">{E(status)}</span>";

    public static string Url(string path, IEnumerable<(string Name, string? Value)> query)
    {
        var parts = query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!)}").ToList();
        return parts.Count == 0 ? path : path + "?" + string.Join("&", parts);
    }
}
