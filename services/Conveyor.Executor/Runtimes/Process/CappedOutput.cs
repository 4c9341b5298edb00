using System.Text;

namespace Conveyor.Executor.Runtimes.Process;

/// <summary>
/// Keeps at most <see cref="Limit"/> characters of a stream: the head and the tail, with a marker in the middle that
/// says how much was cut. Memory stays bounded whatever the job prints.
/// </summary>
public sealed class CappedOutput
{
    public const int Limit = 1024 * 1024;
    const int HalfLimit = Limit / 2;

    readonly StringBuilder head = new();
    readonly Queue<string> tail = new();
    int tailLength;
    long dropped;

    public void Append(string line)
    {
        lock (head)
        {
            var text = line + "\n";
            if (head.Length + text.Length <= HalfLimit && tail.Count == 0)
            {
                head.Append(text);
                return;
            }

            tail.Enqueue(text);
            tailLength += text.Length;
            while (tailLength > HalfLimit && tail.Count > 0)
            {
                var removed = tail.Dequeue();
                tailLength -= removed.Length;
                dropped += removed.Length;
            }
        }
    }

    public override string ToString()
    {
        lock (head)
        {
            var result = new StringBuilder(head.Length + tailLength + 64).Append(head);
            if (dropped > 0)
                result.Append($"\n... [truncated {dropped} characters] ...\n");
            foreach (var text in tail)
                result.Append(text);
            return result.ToString();
        }
    }
}
