using System.Globalization;
using static Conveyor.Api.Dashboard.Html;

namespace Conveyor.Api.Dashboard.Pages;

/// <summary>Small inline SVG bar charts, each with the same figures in a table for screen readers and text browsers.</summary>
public static class Charts
{
    public static string Throughput(IReadOnlyList<DashboardQueries.Throughput> buckets)
    {
        const int width = 24, gap = 6, height = 80;
        var max = Math.Max(1, buckets.Max(b => b.Completed + b.Failed));
        var bars = new System.Text.StringBuilder();
        for (var i = 0; i < buckets.Count; i++)
        {
            var b = buckets[i];
            var x = i * (width + gap);
            var done = (int)Math.Round(height * (double)b.Completed / max);
            var failed = (int)Math.Round(height * (double)b.Failed / max);
            var label = $"{b.Start:HH:mm}: {b.Completed} completed, {b.Failed} failed";
            bars.Append(CultureInfo.InvariantCulture, $"<g><title>{E(label)}</title>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"bar-completed\" x=\"{x}\" y=\"{height - done}\" width=\"{width}\" height=\"{done}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<rect class=\"bar-failed\" x=\"{x}\" y=\"{height - done - failed}\" width=\"{width}\" height=\"{failed}\"/></g>");
        }
        var rows = string.Join("", buckets.Select(b => $"<tr><td>{b.Start:HH:mm}</td><td>{E(b.Completed)}</td><td>{E(b.Failed)}</td></tr>"));
        var svgWidth = buckets.Count * (width + gap);
        return $"""
            <svg class="chart" viewBox="0 0 {svgWidth} {height}" role="img" aria-labelledby="throughput-caption" preserveAspectRatio="none">{bars}</svg>
            <details><summary>Figures per five minutes</summary>
            <table><thead><tr><th scope="col">From (UTC)</th><th scope="col">Completed</th><th scope="col">Failed</th></tr></thead><tbody>{rows}</tbody></table>
            </details>
            """;
    }
}
