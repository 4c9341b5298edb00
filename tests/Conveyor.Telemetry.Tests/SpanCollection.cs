using System.Collections;
using System.Diagnostics;

namespace Conveyor.Telemetry.Tests;

/// <summary>
/// The spans every in-process service exports, shared by their in-memory exporters. ActivityListeners are process-wide,
/// so each service's tracer provider hears every service's spans: they arrive several times, from several threads, and
/// <see cref="Distinct"/> keeps one of each.
/// </summary>
public sealed class SpanCollection : ICollection<Activity>
{
    readonly List<Activity> spans = [];

    public IReadOnlyList<Activity> Distinct()
    {
        lock (spans)
            return spans.DistinctBy(s => (s.TraceId, s.SpanId)).ToList();
    }

    public void Add(Activity item)
    {
        lock (spans)
            spans.Add(item);
    }

    public void Clear()
    {
        lock (spans)
            spans.Clear();
    }

    public int Count
    {
        get
        {
            lock (spans)
                return spans.Count;
        }
    }

    public bool IsReadOnly => false;

    public bool Contains(Activity item)
    {
        lock (spans)
            return spans.Contains(item);
    }

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (spans)
            spans.CopyTo(array, arrayIndex);
    }

    public bool Remove(Activity item)
    {
        lock (spans)
            return spans.Remove(item);
    }

    public IEnumerator<Activity> GetEnumerator() => Distinct().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
