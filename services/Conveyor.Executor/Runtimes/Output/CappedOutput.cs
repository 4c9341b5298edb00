using System.Text;

namespace Conveyor.Executor.Runtimes.Output;

/// <summary>
/// Keeps at most <see cref="Limit"/> characters of a stream: the first half and the last half, with a marker between them
/// that says how much was cut. Memory stays bounded whatever the job prints.
/// </summary>
public sealed class CappedOutput
{
    public const int Limit = 1024 * 1024;
    const int HeadLimit = Limit / 2;
    const int TailLimit = Limit - HeadLimit;

    readonly StringBuilder head = new();
    char[]? tail;
    int tailStart;
    int tailCount;
    long dropped;

    public bool Truncated
    {
        get { lock (head) return dropped > 0; }
    }

    public void Append(ReadOnlySpan<char> text)
    {
        lock (head)
        {
            if (head.Length < HeadLimit)
            {
                var take = Math.Min(text.Length, HeadLimit - head.Length);
                head.Append(text[..take]);
                text = text[take..];
            }
            if (!text.IsEmpty)
                AppendToTail(text);
        }
    }

    // The tail is a ring of the last TailLimit characters; what falls out of it is counted, not kept.
    void AppendToTail(ReadOnlySpan<char> text)
    {
        tail ??= new char[TailLimit];
        if (text.Length >= TailLimit)
        {
            dropped += tailCount + (text.Length - TailLimit);
            text[^TailLimit..].CopyTo(tail);
            tailStart = 0;
            tailCount = TailLimit;
            return;
        }

        var overflow = tailCount + text.Length - TailLimit;
        if (overflow > 0)
        {
            tailStart = (tailStart + overflow) % TailLimit;
            tailCount -= overflow;
            dropped += overflow;
        }
        var end = (tailStart + tailCount) % TailLimit;
        var first = Math.Min(text.Length, TailLimit - end);
        text[..first].CopyTo(tail.AsSpan(end));
        text[first..].CopyTo(tail);
        tailCount += text.Length;
    }

    public override string ToString()
    {
        lock (head)
        {
            var result = new StringBuilder(head.Length + tailCount + 64).Append(head);
            if (dropped > 0)
                result.Append($"\n... [truncated {dropped} characters] ...\n");
            if (tail is not null)
            {
                var first = Math.Min(tailCount, TailLimit - tailStart);
                result.Append(tail, tailStart, first).Append(tail, 0, tailCount - first);
            }
            return result.ToString();
        }
    }
}
