using System.Globalization;
using Conveyor.TestSupport;

namespace Conveyor.Benchmarks.Measurement;

/// <summary>
/// Conveyor's own message counts, from MassTransit's counters on every service's <c>/metrics</c> page: how many saga
/// transitions the scheduler ran (MassTransit's, and those run as items of a batch), how many messages the services sent to the broker (publishes and sends) and how many
/// the broker delivered to them.
/// </summary>
public sealed record BusCounters(double SagaMessages, double Sent, double Received)
{
    public static async Task<BusCounters> Read(ConveyorStack stack)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        double saga = 0, sent = 0, received = 0;
        foreach (var process in stack.Processes.Where(p => !p.HasExited))
        {
            var page = await http.GetStringAsync(new Uri(stack.AddressOf(process), "/metrics"));
            saga += Sum(page, "messaging_masstransit_saga_ea_total") + Sum(page, "conveyor_saga_batch_transitions_total");
            sent += Sum(page, "messaging_masstransit_publish_ea_total") + Sum(page, "messaging_masstransit_send_ea_total");
            received += Sum(page, "messaging_masstransit_receive_ea_total");
        }
        return new BusCounters(saga, sent, received);
    }

    /// <summary>Per item, since <paramref name="before"/>.</summary>
    public BusCounters PerItem(BusCounters before, long items) => new(
        (SagaMessages - before.SagaMessages) / Math.Max(items, 1),
        (Sent - before.Sent) / Math.Max(items, 1),
        (Received - before.Received) / Math.Max(items, 1));

    static double Sum(string page, string metric) => page.Split('\n')
        .Where(line => line.StartsWith(metric, StringComparison.Ordinal) && (line.Length == metric.Length || line[metric.Length] is '{' or ' '))
        .Sum(line => double.Parse(Value(line, metric), CultureInfo.InvariantCulture));

    // "name{labels} value [timestamp]" or "name value [timestamp]".
    static string Value(string line, string metric)
    {
        var rest = line.Contains('}') ? line[(line.LastIndexOf('}') + 1)..] : line[metric.Length..];
        return rest.Trim().Split(' ')[0];
    }
}
