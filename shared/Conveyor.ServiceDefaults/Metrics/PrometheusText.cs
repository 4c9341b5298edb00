using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Conveyor.ServiceDefaults.Metrics;

/// <summary>The Prometheus text exposition format (version 0.0.4): names, labels, and one family per instrument.</summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Name(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        if (builder.Length > 0 && char.IsAsciiDigit(builder[0]))
            builder.Insert(0, '_');
        return builder.ToString();
    }

    public static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0)
            return "";
        var pairs = new List<(string Key, string Value)>(tags.Length);
        foreach (var tag in tags)
            pairs.Add((Name(tag.Key), Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? ""));
        return Labels(pairs);
    }

    public static string Labels(IEnumerable<(string Key, string Value)> pairs) =>
        string.Join(",", pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}=\"{Escape(p.Value)}\""));

    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>One family for an instrument: counters end in <c>_total</c>, a unit of seconds or bytes is named.</summary>
    public static void Write(StringBuilder text, Instrument instrument, MetricSeries series)
    {
        var name = Name(instrument.Name) + UnitSuffix(instrument.Unit, instrument.Name);
        if (series.Kind == MetricSeries.Sum)
            name += "_total";
        var type = series.Kind switch
        {
            MetricSeries.Sum => "counter",
            MetricSeries.Histogram => "histogram",
            _ => "gauge",
        };
        text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(instrument.Description ?? instrument.Name)).Append('\n');
        text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        foreach (var (labels, total, count, buckets) in series.Snapshot())
        {
            if (series.Kind != MetricSeries.Histogram)
            {
                Sample(text, name, labels, total);
                continue;
            }
            for (var i = 0; i < series.Bounds.Count; i++)
                Sample(text, name + "_bucket", Join(labels, $"le=\"{Number(series.Bounds[i])}\""), buckets[i]);
            Sample(text, name + "_bucket", Join(labels, "le=\"+Inf\""), count);
            Sample(text, name + "_sum", labels, total);
            Sample(text, name + "_count", labels, count);
        }
    }

    public static void Family(StringBuilder text, string name, string type, string help)
    {
        text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n');
        text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
    }

    public static void Sample(StringBuilder text, string name, string labels, double value)
    {
        text.Append(name);
        if (labels.Length > 0)
            text.Append('{').Append(labels).Append('}');
        text.Append(' ').Append(Number(value)).Append('\n');
    }

    static string Join(string labels, string label) => labels.Length == 0 ? label : labels + "," + label;

    static string UnitSuffix(string? unit, string name) => unit switch
    {
        "s" when !name.EndsWith("seconds", StringComparison.Ordinal) => "_seconds",
        "ms" when !name.EndsWith("milliseconds", StringComparison.Ordinal) => "_milliseconds",
        "By" when !name.EndsWith("bytes", StringComparison.Ordinal) => "_bytes",
        _ => "",
    };

    static string EscapeHelp(string value) => value.Replace("\\", "\\\\").Replace("\n", "\\n");

    static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
