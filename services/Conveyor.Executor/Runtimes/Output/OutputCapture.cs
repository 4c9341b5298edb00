using System.Text;
using Conveyor.Executor.Runtimes.Process;

namespace Conveyor.Executor.Runtimes.Output;

/// <summary>
/// One output stream of a running job (stdout or stderr): decodes its bytes as UTF-8, keeps its head and tail
/// (<see cref="CappedOutput"/>) and hands each complete line to the attempt's live log. A line longer than
/// <see cref="MaxLineLength"/> is streamed in pieces, so no single line can grow the executor's memory or be cut short.
/// A NUL byte becomes U+FFFD, as a byte that is not UTF-8 does: PostgreSQL stores no NUL in text, and a report carrying
/// one could never be saved, leaving its job running until supervision declared the attempt lost.
/// </summary>
public sealed class OutputCapture(string stream, JobLogBatcher? log, int step = 0)
{
    public const int MaxLineLength = JobLogBatcher.MaxLineLength;

    readonly CappedOutput text = new();
    readonly Decoder decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
    readonly StringBuilder line = new();
    char[] chars = new char[4096];

    public bool Truncated => text.Truncated;

    public string Text => text.ToString();

    public void Write(ReadOnlySpan<byte> bytes)
    {
        var needed = decoder.GetCharCount(bytes, flush: false);
        if (needed > chars.Length)
            chars = new char[needed];
        var count = decoder.GetChars(bytes, chars, flush: false);
        Write(Storable(chars.AsSpan(0, count)));
    }

    static Span<char> Storable(Span<char> decoded)
    {
        decoded.Replace('\0', '\uFFFD');
        return decoded;
    }

    void Write(ReadOnlySpan<char> decoded)
    {
        text.Append(decoded);
        if (log is null)
            return;

        while (!decoded.IsEmpty)
        {
            var newline = decoded.IndexOf('\n');
            var piece = newline < 0 ? decoded : decoded[..newline];
            line.Append(piece);
            if (newline >= 0 || line.Length >= MaxLineLength)
                FlushLine();
            decoded = newline < 0 ? [] : decoded[(newline + 1)..];
        }
    }

    /// <summary>The stream reached its end: whatever is left is a last line without a newline.</summary>
    public void Complete()
    {
        var count = decoder.GetChars([], chars, flush: true);
        Write(Storable(chars.AsSpan(0, count)));
        if (line.Length > 0)
            FlushLine();
    }

    void FlushLine()
    {
        var complete = line.ToString().TrimEnd('\r');
        line.Clear();
        log?.Append(stream, complete, step);
    }
}
